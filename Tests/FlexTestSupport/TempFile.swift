// A temp file for a child process's stdin, stdout or stderr, removed by its owner.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A file under $TMPDIR (or /tmp) that the caller removes.
public struct TempFile {
    public let path: String

    public init(contents: String, suffix: String = "") throws {
        let directory = ProcessRunner.environmentValue("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(directory)/flex-e2e-XXXXXX\(suffix)".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in
            mkstemps(buffer.baseAddress!, Int32(suffix.utf8.count))
        }
        guard fd >= 0 else { throw ProcessRunnerError.tempFileFailed(errno: errno) }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var bytes = Array(contents.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written <= 0 { break }
            offset += written
        }
        close(fd)
    }

    public func read() -> String { FileSystem.read(path) ?? "" }

    public func remove() { unlink(path) }
}
