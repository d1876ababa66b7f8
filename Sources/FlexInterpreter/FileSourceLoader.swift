// Reads scripts and included files from disk with Glibc (no Foundation): paths are resolved
// against the including file's directory and normalized lexically, which names them in diagnostics.
import FlexLanguage
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public struct FileSourceLoader: SourceLoader {
    public init() {}

    public func load(_ path: String, relativeTo includingPath: String) -> (canonicalPath: String, bytes: [UInt8])? {
        let joined = path.hasPrefix("/") ? path : FileSourceLoader.directory(of: includingPath) + path
        let canonical = FileSourceLoader.normalize(joined)
        guard case .success(let bytes) = FileSourceLoader.readFile(canonical) else { return nil }
        return (canonical, bytes)
    }

    /// "it is a directory", "it is not a regular file", "it cannot be read: …"; nil when it does not exist.
    public func problem(loading path: String, relativeTo includingPath: String) -> String? {
        let joined = path.hasPrefix("/") ? path : FileSourceLoader.directory(of: includingPath) + path
        let canonical = FileSourceLoader.normalize(joined)
        var info = stat()
        guard stat(canonical, &info) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? nil : "it cannot be read: \(FileSourceLoader.currentErrorText())"
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return "it is a directory"
        case S_IFREG:
            guard case .failure(let error) = FileSourceLoader.readFile(canonical) else { return nil }
            return "it cannot be read: \(error.reason)"
        default: return "it is not a regular file"
        }
    }

    /// `tests/a.flex` → `tests/`; `a.flex`, `<stdin>` → `` (the working directory).
    static func directory(of path: String) -> String {
        guard !path.hasPrefix("<"), let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// Collapses `.` and `dir/..` so two spellings of one file get one name.
    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// The largest source flex reads: its syntax tree keeps offsets in 32 bits (SourceSpan).
    public static let maximumSourceBytes = 1 << 30

    /// The whole file, or why it could not be read (strerror text).
    public static func readFile(_ path: String) -> Result<[UInt8], FileReadError> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(FileReadError(path: path, reason: currentErrorText())) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure(FileReadError(path: path, reason: (info.st_mode & S_IFMT) == S_IFDIR ? "is a directory" : "not a regular file"))
        }
        guard Int(info.st_size) <= maximumSourceBytes else { return .failure(tooLarge(path)) }
        guard let file = fopen(path, "rb") else { return .failure(FileReadError(path: path, reason: currentErrorText())) }
        defer { fclose(file) }
        // The size is checked again while reading: the file may grow, or be a pipe-like special file.
        return readAll(file, sizeHint: Int(info.st_size)).map(Result.success) ?? .failure(tooLarge(path))
    }

    /// Everything on standard input (`flex run -`).
    public static func readStandardInput() -> Result<[UInt8], FileReadError> {
        guard let input = fdopen(0, "rb") else { return .success([]) }
        return readAll(input, sizeHint: 0).map(Result.success) ?? .failure(tooLarge("<stdin>"))
    }

    /// Everything left in `file`; nil past `maximumSourceBytes`.
    static func readAll(_ file: UnsafeMutablePointer<FILE>, sizeHint: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(max(sizeHint, 0), maximumSourceBytes))
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count <= 0 { break }
            guard bytes.count + count <= maximumSourceBytes else { return nil }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    static func tooLarge(_ path: String) -> FileReadError {
        FileReadError(path: path, reason: "larger than \(maximumSourceBytes >> 30) GiB, the most a flex source may be")
    }

    static func currentErrorText() -> String {
        guard let text = strerror(errno) else { return "cannot read" }
        return String(cString: text).lowercased()
    }
}

public struct FileReadError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot read '\(path)': \(reason)" }
}
