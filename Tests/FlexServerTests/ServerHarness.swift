// Starts a FlexServer on 127.0.0.1 port 0 for one test and stops it by cancelling its task.
import AsyncHTTPClient
import FlexAPI
import FlexHTTP
import FlexServer
import NIOCore
import NIOHTTP1
import FlexSync

let testKey = "fsk_test_4eC39HqLyjWDarjtT1zdp7dc"

final class LogSink: Sendable {
    let lines = Locked<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    func append(_ line: String) { lines.withLock { $0.append(line) } }
}

/// Runs `body` with a served simulator (seed `seed`) and an HTTPFlex client pointed at it
/// (in a RetryingBackend that never retries, as `--retries 0` composes it).
/// `checkoutURL` nil: sessions' redirect_url points at this server's checkout page.
func withServer(seed: UInt64 = 42, maxBodyBytes: Int = 1 << 20, checkoutURL: String? = nil,
                webhooks: WebhookDeliveryOptions = WebhookDeliveryOptions(), connections: ConnectionOptions = ConnectionOptions(),
                _ body: (Int, RetryingBackend, LogSink) async throws -> Void) async throws {
    let log = LogSink()
    let server = FlexServer(host: "127.0.0.1", port: 0, seed: seed, maxBodyBytes: maxBodyBytes, handleSignals: false,
                            checkoutURL: checkoutURL, accessLog: { log.append($0) }, webhooks: webhooks, connections: connections)
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let task = Task {
        try await server.run { port in continuation.yield(port) }
    }
    var port = 0
    for await bound in ports { port = bound; break }
    let client = try HTTPFlex(configuration: HTTPFlexConfiguration(
        baseURL: "http://127.0.0.1:\(port)/v1", apiKey: testKey, requestTimeout: .seconds(10)))
    do {
        try await body(port, RetryingBackend(wrapping: client, policy: .none, secrets: [testKey]), log)
    } catch {
        await client.shutdown()
        task.cancel()
        _ = await task.result
        throw error
    }
    await client.shutdown()
    task.cancel()
    _ = await task.result
}

/// A raw request (no auth unless given), for what HTTPFlex would never send.
func rawRequest(port: Int, method: NIOHTTP1.HTTPMethod, path: String, headers: [(String, String)] = [], body: [UInt8]? = nil) async throws -> (Int, JSON?) {
    var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
    request.method = method
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    if let body { request.body = .bytes(body) }
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
    let buffer = try await response.body.collect(upTo: 1 << 20)
    return (Int(response.status.code), try? JSON.parse(Array(buffer.readableBytesView)))
}
