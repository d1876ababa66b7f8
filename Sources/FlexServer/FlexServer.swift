// `flex serve`: the simulator over HTTP, with Flex's wire format, auth and error shapes.
import AsyncHTTPClient
import FlexAPI
import FlexSimulator
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix

/// An HTTP server answering every `SimulatedFlex` route (`/v1/…` and `/_sim/…`) like Flex does,
/// in the default simulator or the sandbox a `Flex-Sandbox` header names (`SandboxDirectory`).
///
/// Requests need `Authorization: Bearer fsk_test_…` (401 otherwise); bodies over `maxBodyBytes`
/// get 413, malformed JSON and malformed HTTP 400, all in Flex's `{"error":{"code","message"}}` shape. One access
/// line per request goes to `accessLog` (method, path, query names only, status, milliseconds).
public struct FlexServer: Sendable {
    public var host: String
    /// 0 picks a free port; `run` reports the real one through `onListening`.
    public var port: Int
    public var seed: UInt64
    public var maxBodyBytes: Int
    /// Stop gracefully on SIGINT/SIGTERM (the CLI); tests stop the server by cancelling its task.
    public var handleSignals: Bool
    /// Where sessions' `redirect_url` (`BASE/pay/c/{id}`) and so the checkout page live: nil for this
    /// server itself (`http://HOST:PORT`), or a public base such as `https://pay.test` behind a proxy.
    public var checkoutURL: String?
    public var accessLog: @Sendable (String) -> Void
    /// Webhooks POSTed to registered endpoints (and `--forward-to`), with their attempts logged.
    public var webhooks: WebhookDeliveryOptions
    /// Header and idle timeouts, and the cap on open connections.
    public var connections: ConnectionOptions

    public init(
        host: String = "127.0.0.1",
        port: Int = 4010,
        seed: UInt64 = 42,
        maxBodyBytes: Int = 1 << 20,
        handleSignals: Bool = true,
        checkoutURL: String? = nil,
        accessLog: @escaping @Sendable (String) -> Void = { _ in },
        webhooks: WebhookDeliveryOptions = WebhookDeliveryOptions(),
        connections: ConnectionOptions = ConnectionOptions()
    ) {
        self.host = host
        self.port = port
        self.seed = seed
        self.maxBodyBytes = maxBodyBytes
        self.handleSignals = handleSignals
        self.checkoutURL = checkoutURL
        self.accessLog = accessLog
        self.webhooks = webhooks
        self.connections = connections
    }

    /// Serves until the task is cancelled (or, with `handleSignals`, SIGINT/SIGTERM arrives).
    /// `onListening` gets the bound port once the socket accepts connections.
    public func run(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let accessLog = self.accessLog, connections = self.connections, webhooks = self.webhooks
        // Redirects count as failed attempts (Svix), so the client never follows one.
        let client = webhooks.enabled ? HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow)) : nil
        // Every simulator, the default one and each sandbox, delivers its own endpoints' events.
        let deliveries = client.map { WebhookDispatchers(options: webhooks, client: $0, log: accessLog) }
        let sandboxes = SandboxDirectory(seed: seed, deliveries: deliveries)
        let checkoutURL = self.checkoutURL, host = self.host
        if let checkoutURL { sandboxes.setCheckoutAddress(checkoutURL, namesSandbox: false) }
        let responder = FlexResponder(sandboxes: sandboxes, maxBodyBytes: maxBodyBytes, accessLog: accessLog)
        var logger = Logger(label: "flex-serve")
        // Hummingbird's own chatter would mix with flex's output; the access log is ours.
        logger.logLevel = .critical
        let requestedPort = port
        // Requests the HTTP parser rejects get Flex's error shape too (MalformedRequestHandler);
        // silent and slow connections are closed (RequestHeadDeadline).
        let http1 = HTTP1Channel.Configuration(additionalChannelHandlers: [
            MalformedRequestHandler(accessLog: accessLog), RequestHeadDeadline(options: connections),
        ])
        let app = Application(
            responder: responder,
            server: .http1(configuration: http1),
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: port), serverName: nil,
                availableConnectionsDelegate: MaximumAvailableConnections(connections.maxConnections)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? requestedPort
                // Before anyone learns the port, so no session is made with another redirect_url.
                if checkoutURL == nil { sandboxes.setCheckoutAddress(FlexServer.ownBaseURL(host: host, port: port), namesSandbox: true) }
                onListening(port)
            },
            logger: logger
        )
        let handleSignals = self.handleSignals
        do {
            // Every connection's task inherits the preference (Hummingbird starts them as child
            // tasks), so each request runs on its channel's loop.
            try await withTaskExecutorPreference(ChannelLoopExecutor(group: MultiThreadedEventLoopGroup.singleton)) {
                if handleSignals { try await app.runService() } else { try await app.run() }
            }
        } catch {
            await deliveries?.stopAll()
            try? await client?.shutdown()
            throw error
        }
        // Pending deliveries stop with the server.
        await deliveries?.stopAll()
        try? await client?.shutdown()
    }

    /// `http://HOST:PORT` for the checkout page; a wildcard bind address becomes loopback, which a
    /// browser on the same machine can open.
    static func ownBaseURL(host: String, port: Int) -> String {
        let reachable = host == "0.0.0.0" ? "127.0.0.1" : host == "::" ? "::1" : host
        return "http://\(reachable.contains(":") ? "[\(reachable)]" : reachable):\(port)"
    }
}

extension FlexServer {
    /// The `--forward-to` signing secret for `seed` (stable across restarts with the same seed).
    public static func forwardingSecret(seed: UInt64) -> String { SimulatedFlex.forwardingSecret(seed: seed) }
}
