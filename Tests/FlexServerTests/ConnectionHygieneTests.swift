// A long-lived flex serve closes connections that send no complete request head in time (silent
// or slowloris), closes idle kept-alive ones, and caps open connections so a real request still
// gets through. Timeouts are shortened; every wait is bounded.
import Dispatch
import FlexAPI
import FlexServer
import NIOHTTP1
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct ConnectionHygieneTests {
    static let short = ConnectionOptions(headerTimeoutSeconds: 0.3, idleTimeoutSeconds: 0.3)

    @Test func aSilentConnectionIsClosed() async throws {
        try await withServer(connections: Self.short) { port, _, _ in
            let closedAfter = await onThread { () -> Double? in
                let socket = LoopbackSocket(port: port)
                return socket.secondsUntilClosed(within: 5)
            }
            let seconds = try #require(closedAfter, "still open after 5 s")
            #expect(seconds >= 0.2)
        }
    }

    @Test func aSlowlorisConnectionIsClosed() async throws {
        try await withServer(connections: Self.short) { port, _, _ in
            let closed = await onThread { () -> Bool in
                let socket = LoopbackSocket(port: port)
                socket.send("GET /v1/customers HTTP/1.1\r\nHost: x\r\n")
                // One header line every 100 ms, never the blank line that ends the head.
                for n in 0..<50 {
                    socket.send("X-Slow-\(n): 1\r\n")
                    if socket.secondsUntilClosed(within: 0.1) != nil { return true }
                }
                return false
            }
            #expect(closed)
        }
    }

    @Test func anIdleKeptAliveConnectionIsClosedAfterItsResponse() async throws {
        try await withServer(connections: Self.short) { port, _, _ in
            let (answer, closedAfter) = await onThread { () -> (String, Double?) in
                let socket = LoopbackSocket(port: port)
                socket.send("GET /_sim/clock HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \(testKey)\r\n\r\n")
                let answer = socket.receive(within: 5)
                return (answer, socket.secondsUntilClosed(within: 5))
            }
            #expect(answer.hasPrefix("HTTP/1.1 200"))
            #expect(closedAfter != nil)
        }
    }

    @Test func idleSocketsBeyondTheCapDoNotLockOutARealRequest() async throws {
        let options = ConnectionOptions(headerTimeoutSeconds: 0.5, idleTimeoutSeconds: 0.5, maxConnections: 4)
        try await withServer(connections: options) { port, _, _ in
            let sockets = await onThread { (0..<20).map { _ in LoopbackSocket(port: port) } }
            #expect(sockets.allSatisfy { $0.connected })
            let clock = ContinuousClock()
            let start = clock.now
            let (status, _) = try await rawRequest(port: port, method: .GET, path: "/_sim/clock", headers: [("Authorization", "Bearer \(testKey)")])
            #expect(status == 200)
            #expect(clock.now - start < .seconds(10))
            withExtendedLifetime(sockets) {}
        }
    }

    @Test func theDefaultCapIsBelowTheDescriptorLimit() {
        var limit = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        let options = ConnectionOptions()
        #expect(options.maxConnections >= 16)
        if limit.rlim_cur != rlim_t.max, limit.rlim_cur > 144 { #expect(options.maxConnections < Int(limit.rlim_cur)) }
        #expect(options.headerTimeoutSeconds == 10)
    }
}

/// Blocking socket work off Swift's cooperative threads, which the in-process server needs.
func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: work()) }
    }
}

/// A blocking TCP connection to 127.0.0.1, closed when released.
final class LoopbackSocket: @unchecked Sendable {
    let fd: Int32
    let connected: Bool

    init(port: Int) {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let fd = self.fd
        connected = fd >= 0 && withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    deinit { if fd >= 0 { close(fd) } }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    func setTimeout(_ seconds: Double) {
        var timeout = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// What arrives within `seconds` (up to the first pause after some bytes).
    func receive(within seconds: Double) -> String {
        setTimeout(seconds)
        var buffer = [UInt8](repeating: 0, count: 8192)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
    }

    /// Seconds until the server closes the connection (a read returns end of file or a reset),
    /// nil when it is still open after `seconds`. Bytes that arrive meanwhile are skipped.
    func secondsUntilClosed(within seconds: Double) -> Double? {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + .milliseconds(Int(seconds * 1000))
        var buffer = [UInt8](repeating: 0, count: 4096)
        while clock.now < deadline {
            let left = deadline - clock.now
            setTimeout(max(0.01, Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18))
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                let elapsed = clock.now - start
                return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            }
        }
        return nil
    }
}
