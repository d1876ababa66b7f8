// `flex serve`: the simulator over HTTP, with Flex's wire format, auth and error shapes.
import AsyncHTTPClient
import FlexAPI
import FlexSimulator
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// An HTTP server answering every `SimulatedFlex` route (`/v1/…` and `/_sim/…`) like Flex does.
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
        accessLog: @escaping @Sendable (String) -> Void = { _ in },
        webhooks: WebhookDeliveryOptions = WebhookDeliveryOptions(),
        connections: ConnectionOptions = ConnectionOptions()
    ) {
        self.host = host
        self.port = port
        self.seed = seed
        self.maxBodyBytes = maxBodyBytes
        self.handleSignals = handleSignals
        self.accessLog = accessLog
        self.webhooks = webhooks
        self.connections = connections
    }

    /// Serves until the task is cancelled (or, with `handleSignals`, SIGINT/SIGTERM arrives).
    /// `onListening` gets the bound port once the socket accepts connections.
    public func run(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let simulator = SimulatedFlex(seed: seed)
        let accessLog = self.accessLog, connections = self.connections, webhooks = self.webhooks
        var responder = FlexResponder(simulator: simulator, maxBodyBytes: maxBodyBytes, accessLog: accessLog)
        // Redirects count as failed attempts (Svix), so the client never follows one.
        let client = webhooks.enabled ? HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow)) : nil
        let dispatcher = client.map { WebhookDispatcher(simulator: simulator, options: webhooks, client: $0, log: accessLog) }
        responder.dispatcher = dispatcher
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
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? requestedPort) },
            logger: logger
        )
        let handleSignals = self.handleSignals
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                if let dispatcher { group.addTask { await dispatcher.run() } }
                group.addTask { if handleSignals { try await app.runService() } else { try await app.run() } }
                // The server ends first (the dispatcher runs until cancelled); pending deliveries stop with it.
                _ = try await group.next()
                group.cancelAll()
            }
        } catch {
            try? await client?.shutdown()
            throw error
        }
        try? await client?.shutdown()
    }
}

extension FlexServer {
    /// The `--forward-to` signing secret for `seed` (stable across restarts with the same seed).
    public static func forwardingSecret(seed: UInt64) -> String { SimulatedFlex.forwardingSecret(seed: seed) }
}
