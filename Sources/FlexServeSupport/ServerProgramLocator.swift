// Finds the flex-serve program that `flex serve` execs: beside the running flex (a build folder)
// or in PREFIX/libexec/flex/ (an install), without needing /proc, so copying flex and its
// server program to another prefix or another system keeps `flex serve` working.
public struct ServerProgramLocator {
    /// The environment variable that names the server program outright.
    public static let overrideVariable = "FLEX_SERVE_PROGRAM"
    public static let programName = "flex-serve"

    /// The running program's path as the kernel knows it (/proc/self/exe), nil where there is no /proc.
    public var kernelExecutablePath: String?
    /// argv[0], as the shell passed it: a path, or a bare name looked up through PATH.
    public var invokedAs: String
    public var environment: (String) -> String?
    public var isExecutable: (String) -> Bool
    /// realpath(3): resolves symbolic links and relative parts; nil when the path does not exist.
    public var canonicalPath: (String) -> String?

    public init(kernelExecutablePath: String?, invokedAs: String, environment: @escaping (String) -> String?,
                isExecutable: @escaping (String) -> Bool, canonicalPath: @escaping (String) -> String?) {
        self.kernelExecutablePath = kernelExecutablePath
        self.invokedAs = invokedAs
        self.environment = environment
        self.isExecutable = isExecutable
        self.canonicalPath = canonicalPath
    }

    public enum Outcome: Equatable {
        case found(String)
        /// Nothing executable at any of these paths, in the order they were tried.
        case missing(searched: [String])
    }

    public func locate() -> Outcome {
        if let named = environment(Self.overrideVariable), !named.isEmpty {
            return isExecutable(named) ? .found(named) : .missing(searched: [named + " (from \(Self.overrideVariable))"])
        }
        let candidates = Self.candidates(besideExecutable: executablePath())
        if let found = candidates.first(where: isExecutable) { return .found(found) }
        return .missing(searched: candidates)
    }

    /// Where flex-serve may sit for a flex at `executable`: beside it, then PREFIX/libexec/flex/.
    public static func candidates(besideExecutable executable: String?) -> [String] {
        guard let executable, let slash = executable.lastIndex(of: "/") else { return [] }
        let directory = String(executable[..<slash])
        let prefix = directory.lastIndex(of: "/").map { String(directory[..<$0]) } ?? "."
        return [directory + "/" + programName, prefix + "/libexec/flex/" + programName]
    }

    /// The running flex's real path: /proc where present, else argv[0] resolved through PATH and realpath.
    public func executablePath() -> String? {
        if let kernelExecutablePath, !kernelExecutablePath.isEmpty { return kernelExecutablePath }
        if invokedAs.contains("/") { return canonicalPath(invokedAs) }
        let searchPath = environment("PATH") ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in searchPath.split(separator: ":", omittingEmptySubsequences: false) {
            // An empty PATH entry means the current directory, as in execvp(3).
            let candidate = (directory.isEmpty ? "." : String(directory)) + "/" + invokedAs
            if isExecutable(candidate) { return canonicalPath(candidate) }
        }
        return nil
    }
}
