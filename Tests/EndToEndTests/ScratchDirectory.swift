// A throwaway directory for the scripts one end-to-end test writes.
import FlexTestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A throwaway directory with the scripts one test needs.
struct ScratchDirectory {
    let path: String

    init() throws {
        let base = ProcessRunner.environmentValue("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(base)/flex-cli-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else { throw ProcessRunnerError.tempFileFailed(errno: errno) }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes `name` and returns its full path.
    @discardableResult
    func write(_ name: String, _ contents: String, executable: Bool = false) throws -> String {
        let full = path + "/" + name
        // "e" (O_CLOEXEC): a child that another test spawns meanwhile must not inherit this
        // descriptor, or executing the file fails with ETXTBSY ("Text file busy") while that child lives.
        guard let file = fopen(full, "wbe") else { throw ProcessRunnerError.tempFileFailed(errno: errno) }
        let bytes = Array(contents.utf8)
        _ = fwrite(bytes, 1, bytes.count, file)
        fclose(file)
        if executable { chmod(full, 0o755) }
        return full
    }

    func remove() {
        for name in FileSystem.list(path) { unlink(path + "/" + name) }
        rmdir(path)
    }
}
