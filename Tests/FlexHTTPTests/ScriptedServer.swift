// A loopback HTTP/1.1 server on SwiftNIO that answers from a script, for testing HTTPFlex's behaviour.
import FlexAPI
import FlexSimulator
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import FlexSync

/// Each request takes the next step of the script (the last step repeats) and is recorded.
final class ScriptedServer: Sendable {
    enum Step: Sendable {
        /// Answer with this status, headers and body text.
        case respond(Int, headers: [(String, String)] = [], body: String)
        /// Never answer (the client must time out).
        case hang
        /// Let the simulator process the request, then drop the connection without answering.
        case processThenClose(SimulatedFlex)
        /// Answer with whatever the simulator answers.
        case forward(SimulatedFlex)
    }

    struct Received: Sendable {
        var method: String
        var uri: String
        var headers: [(String, String)]
        var body: [UInt8]
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    let script: [Step]
    /// Serves https with this context when set.
    let tls: NIOSSLContext?
    let state = Locked<(next: Int, received: [Received], connections: Int)>((0, [], 0))
    let channel: Locked<(any Channel)?> = Locked(nil)

    init(_ script: [Step], tls: NIOSSLContext? = nil) {
        self.script = script
        self.tls = tls
    }

    var received: [Received] { state.withLock { $0.received } }
    /// How many connections were accepted (a keep-alive client opens one).
    var acceptedConnections: Int { state.withLock { $0.connections } }

    /// Binds 127.0.0.1 on a free port and returns it.
    func start() async throws -> Int {
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                self.state.withLock { $0.connections += 1 }
                do {
                    if let tls = self.tls { try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls)) }
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
                return channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(ScriptedHandler(server: self))
                }
            }
        let bound = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        channel.withLock { $0 = bound }
        return bound.localAddress?.port ?? 0
    }

    func stop() async {
        let bound = channel.withLock { $0 }
        try? await bound?.close()
    }

    func take(_ request: Received) -> Step {
        state.withLock { state in
            state.received.append(request)
            let step = script[min(state.next, script.count - 1)]
            state.next += 1
            return step
        }
    }
}

/// Collects one request (head, body, end), then performs its scripted step.
final class ScriptedHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let server: ScriptedServer
    var head: HTTPRequestHead?
    var body: [UInt8] = []

    init(server: ScriptedServer) { self.server = server }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let requestHead):
            head = requestHead
            body = []
        case .body(let buffer):
            body.append(contentsOf: buffer.readableBytesView)
        case .end:
            guard let head else { return }
            let request = ScriptedServer.Received(
                method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) }, body: body)
            switch server.take(request) {
            case .respond(let status, let headers, let text):
                write(context, status: status, headers: headers, body: Array(text.utf8))
            case .hang:
                break
            case .processThenClose(let simulator):
                _ = simulator.handle(ScriptedHandler.apiRequest(request))
                context.close(promise: nil)
            case .forward(let simulator):
                let response = simulator.handle(ScriptedHandler.apiRequest(request))
                write(context, status: response.status, headers: response.headers.map { ($0.name, $0.value) }, body: response.body.serializedBytes())
            }
        }
    }

    func write(_ context: ChannelHandlerContext, status: Int, headers: [(String, String)], body: [UInt8]) {
        var fields = HTTPHeaders(headers)
        fields.replaceOrAdd(name: "Content-Length", value: String(body.count))
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: fields)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    /// The request as the simulator would get it in process (path and body; the key header).
    static func apiRequest(_ received: ScriptedServer.Received) -> APIRequest {
        let path = String(received.uri.prefix { $0 != "?" })
        let method = FlexAPI.HTTPMethod(rawValue: received.method) ?? .GET
        let headers = received.header("Idempotency-Key").map { [HTTPHeader("Idempotency-Key", $0)] } ?? []
        let body = received.body.isEmpty ? nil : try? JSON.parse(received.body)
        return APIRequest(method, path, headers: headers, body: body)
    }
}
