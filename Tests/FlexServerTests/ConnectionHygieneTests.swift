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
