// The locator wired to the running process: /proc/self/exe, argv[0], getenv, access, realpath.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension ServerProgramLocator {
    public static func forThisProcess(invokedAs: String) -> ServerProgramLocator {
        ServerProgramLocator(
            kernelExecutablePath: readLink("/proc/self/exe"),
            invokedAs: invokedAs,
            environment: { name in getenv(name).map { String(cString: $0) } },
            isExecutable: { path in
                var info = stat()
                return access(path, X_OK) == 0 && stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
            },
            canonicalPath: { path in
                guard let resolved = realpath(path, nil) else { return nil }
                defer { free(resolved) }
                return String(cString: resolved)
            })
    }

    /// The target of a symbolic link; nil when it cannot be read (no /proc, for one).
    static func readLink(_ path: String) -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBufferPointer { bytes in
            bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { readlink(path, $0, bytes.count - 1) }
        }
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : nil
    }
}
