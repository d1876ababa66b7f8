// A loopback HTTP server standing in for a shop's webhook handler: it records every POST and can
// fail its first answers or answer slowly, so delivery retries, ordering and timeouts can be seen.
import FlexAPI
import FlexSync
import Hummingbird
import Logging
import NIOCore

final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        var path: String
        var headers: [String: String]
        var body: String
        var answered: Int
    }

    let received = Locked<[Received]>([])
    /// Answers 500 to this many POSTs to /hooks, then 200.
    let failFirst: Int

    init(failFirst: Int = 0) { self.failFirst = failFirst }

    var all: [Received] { received.withLock { $0 } }
    var succeeded: [Received] { all.filter { $0.answered == 200 } }

    func record(path: String, headers: [String: String], body: String) -> Int {
        received.withLock { list in
            let failures = list.filter { $0.path == path }.count
            let status = path == "/hooks" && failures < failFirst ? 500 : 200
            list.append(Received(path: path, headers: headers, body: body, answered: status))
            return status
        }
    }

    /// Runs `body` with the receiver listening on 127.0.0.1 (its port passed in); /slow answers after 5 s.
    func serve(_ body: (Int) async throws -> Void) async throws {
        let router = Router()
        for path in ["/hooks", "/forward", "/slow"] {
            router.post(RouterPath(path)) { request, _ -> Response in
                let bytes = try await request.body.collect(upTo: 1 << 20)
                var headers: [String: String] = [:]
                for field in request.headers { headers[field.name.canonicalName] = field.value }
                if path == "/slow" { try await Task.sleep(for: .seconds(5)) }
                let status = self.record(path: path, headers: headers, body: String(buffer: bytes))
                return Response(status: .init(code: status))
            }
        }
        var logger = Logger(label: "webhook-receiver")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
        let task = Task { try await app.run() }
        var port = 0
        for await bound in ports { port = bound; break }
        do { try await body(port) } catch {
            task.cancel()
            _ = await task.result
            throw error
        }
        task.cancel()
        _ = await task.result
    }
}

/// Polls `condition` every 20 ms for at most `seconds`; true once it holds.
func eventually(within seconds: Double = 10, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}
