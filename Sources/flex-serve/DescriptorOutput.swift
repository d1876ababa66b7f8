// Unbuffered writes to a file descriptor, for the few lines that must leave at once (the port
// `flex serve` listens on, its access log, a confirmation prompt) from any thread.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

func writeDescriptor(_ descriptor: Int32, _ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeMutableBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
        if written < 0, errno == EINTR { continue }
        guard written > 0 else { return }
        offset += written
    }
}
