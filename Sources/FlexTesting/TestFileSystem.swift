// The few file operations `flex test` needs, on Glibc (no Foundation): list, stat, write, mkdir -p.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public enum TestFileSystem {
    public enum Kind { case file, directory, other, missing }

    /// Does not follow symbolic links to directories, so a link cycle cannot trap the walk.
    public static func kind(of path: String, followLinks: Bool = true) -> Kind {
        var info = stat()
        let result = followLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK:
            // A link to a file is followed; a link to a directory is not walked.
            return kind(of: path, followLinks: true) == .file ? .file : .other
        default: return .other
        }
    }

    /// Entry names of a directory, sorted, without `.` and `..`; empty when it cannot be read.
    public static func list(_ directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Writes the whole text; nil on success, else why not (strerror text).
    public static func write(_ text: String, to path: String) -> String? {
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            if let problem = makeDirectories(String(path[..<slash])) { return problem }
        }
        guard let file = fopen(path, "wb") else { return errorText() }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file)
        return written == bytes.count && closed == 0 ? nil : errorText()
    }

    /// `mkdir -p`; nil on success.
    public static func makeDirectories(_ path: String) -> String? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            if kind(of: prefix) != .directory, mkdir(prefix, 0o755) != 0, errno != EEXIST { return errorText() }
            prefix += "/"
        }
        return nil
    }

    /// The whole file as text, or nil when it cannot be read.
    public static func read(_ path: String) -> String? {
        guard kind(of: path) == .file, let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func errorText() -> String {
        guard let text = strerror(errno) else { return "cannot write" }
        return String(cString: text).lowercased()
    }
}
