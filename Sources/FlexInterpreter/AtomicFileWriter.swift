// Replaces a file's contents all at once: a temporary file beside it, written, synced and renamed over it, so a crash leaves the old file or the new one, never half of one.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public enum AtomicFileWriter {
    /// Writes `bytes` to `path`, keeping its permission bits; the error text when it could not.
    public static func replace(_ path: String, with bytes: [UInt8]) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return "cannot write '\(path)': \(errorText())" }
        // The temporary file must be in the same directory: rename is atomic only within one file system.
        var template = Array((directory(of: path) + "/.flex-fmt-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return "cannot write '\(path)': \(errorText())" }
        let temporary = String(cString: template)
        let failure = writeAll(fd, bytes) ?? (fchmod(fd, info.st_mode & 0o7777) == 0 ? nil : errorText())
            ?? (fsync(fd) == 0 ? nil : errorText())
        close(fd)
        if let failure {
            unlink(temporary)
            return "cannot write '\(path)': \(failure)"
        }
        guard rename(temporary, path) == 0 else {
            let reason = errorText()
            unlink(temporary)
            return "cannot write '\(path)': \(reason)"
        }
        return nil
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Nil when every byte went out, else why not.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return errorText() }
            offset += written
        }
        return nil
    }

    static func errorText() -> String {
        guard let text = strerror(errno) else { return "error \(errno)" }
        return String(cString: text).lowercased()
    }
}
