// Limits that keep a long-lived `flex serve` answering: how long a connection may take to send a
// request head, how long a kept-alive connection may sit idle, and how many may be open at once.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

public struct ConnectionOptions: Sendable {
    /// A new connection must send a complete request head within this time, or it is closed.
    public var headerTimeoutSeconds: Double
    /// After a response, the next request head must come within this time, or the kept-alive
    /// connection is closed.
    public var idleTimeoutSeconds: Double
    /// Open connections at most; further ones wait in the kernel's accept queue until one closes.
    public var maxConnections: Int

    public init(headerTimeoutSeconds: Double = 10, idleTimeoutSeconds: Double = 10, maxConnections: Int? = nil) {
        self.headerTimeoutSeconds = headerTimeoutSeconds
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.maxConnections = maxConnections ?? ConnectionOptions.defaultMaxConnections()
    }

    /// Descriptors this process keeps for itself beyond client connections: files, webhook
    /// deliveries' sockets, the listening socket, stdio.
    static let reservedDescriptors = 128

    /// Below the descriptor limit by the reserve, so accepting never fails with EMFILE (which
    /// would leave the listening socket spinning) and webhook deliveries still get a socket.
    static func defaultMaxConnections() -> Int {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return 4096 }
        return max(16, Int(clamping: limit.rlim_cur) - reservedDescriptors)
    }

    static func amount(_ seconds: Double) -> Int64 { Int64((seconds * 1_000_000_000).rounded()) }
}
