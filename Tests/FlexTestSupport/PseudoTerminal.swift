// A pseudo-terminal pair, so a test can give a child process a real TTY on stderr and read what
// it wrote there (colour is only used on a terminal).
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

struct PseudoTerminal {
    /// The controlling side, kept by the test.
    let primary: Int32
    /// The device path of the side the child opens (`/dev/pts/N`).
    let replicaPath: String

    private typealias OpenFunction = @convention(c) (Int32) -> Int32
    private typealias DescriptorFunction = @convention(c) (Int32) -> Int32
    private typealias NameFunction = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

    /// glibc's pseudo-terminal calls, which its Swift module map hides (they are XOPEN-only).
    private static func function<T>(_ name: String, as type: T.Type) -> T? {
        guard let symbol = dlsym(nil, name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }

    init() throws {
        guard let openpt = Self.function("posix_openpt", as: OpenFunction.self),
              let grantpt = Self.function("grantpt", as: DescriptorFunction.self),
              let unlockpt = Self.function("unlockpt", as: DescriptorFunction.self),
              let ptsname = Self.function("ptsname_r", as: NameFunction.self) else {
            throw ProcessRunnerError.tempFileFailed(errno: ENOSYS)
        }
        let fd = openpt(O_RDWR | O_NOCTTY)
        guard fd >= 0, grantpt(fd) == 0, unlockpt(fd) == 0 else { throw ProcessRunnerError.tempFileFailed(errno: errno) }
        var name = [CChar](repeating: 0, count: 256)
        guard ptsname(fd, &name, name.count) == 0 else {
            Glibc.close(fd)
            throw ProcessRunnerError.tempFileFailed(errno: errno)
        }
        primary = fd
        replicaPath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // Non-blocking: once the child has exited, read only what it left behind.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    /// Everything written to the terminal so far, with the terminal's "\r\n" turned back into "\n".
    func drain() -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(primary, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self).replacingCRLF()
    }

    func close() { Glibc.close(primary) }
}

private extension String {
    func replacingCRLF() -> String {
        split(separator: "\r\n", omittingEmptySubsequences: false).joined(separator: "\n")
    }
}
