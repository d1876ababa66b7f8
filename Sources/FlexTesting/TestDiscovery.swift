// Finds the `.flex` files under the given paths: directories recursively, in sorted order,
// skipping hidden directories, `.build*`, `lib/` (files other scripts include) and `__snapshots__`.

public enum TestDiscovery {
    public struct Result: Sendable {
        public var files: [String]
        /// Paths given on the command line that do not exist.
        public var missing: [String]
    }

    /// A file named explicitly is taken whatever its name; a directory is walked.
    public static func find(_ paths: [String]) -> Result {
        var files: [String] = []
        var missing: [String] = []
        var seen: Set<String> = []
        for path in paths.isEmpty ? ["."] : paths {
            switch TestFileSystem.kind(of: path) {
            case .file:
                if seen.insert(path).inserted { files.append(path) }
            case .directory:
                for file in walk(path, depth: 0) where seen.insert(file).inserted { files.append(file) }
            case .other, .missing:
                missing.append(path)
            }
        }
        return Result(files: files, missing: missing)
    }

    static func walk(_ directory: String, depth: Int) -> [String] {
        guard depth < 64 else { return [] }
        var found: [String] = []
        for name in TestFileSystem.list(directory) {
            let path = join(directory, name)
            switch TestFileSystem.kind(of: path, followLinks: false) {
            case .directory:
                if !isSkippedDirectory(name) { found += walk(path, depth: depth + 1) }
            case .file:
                if name.hasSuffix(".flex"), !name.hasPrefix(".") { found.append(path) }
            default:
                break
            }
        }
        return found
    }

    public static func isSkippedDirectory(_ name: String) -> Bool {
        name.hasPrefix(".") || name == "lib" || name == "__snapshots__"
    }

    /// `.` + `a.flex` → `a.flex`, so paths read the same whether the root was given or defaulted.
    static func join(_ directory: String, _ name: String) -> String {
        if directory == "." { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
