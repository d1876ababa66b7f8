// `flex serve`: the simulator over HTTP, with Flex's wire format, auth and error shapes.
import FlexAPI
import FlexSimulator
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

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
    public var accessLog: @Sendable (String) -> Void

    public init(
        host: String = "127.0.0.1",
        port: Int = 4010,
        seed: UInt64 = 42,
        maxBodyBytes: Int = 1 << 20,
        handleSignals: Bool = true,
        accessLog: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.host = host
        self.port = port
        self.seed = seed
        self.maxBodyBytes = maxBodyBytes
        self.handleSignals = handleSignals
        self.accessLog = accessLog
    }

    /// Serves until the task is cancelled (or, with `handleSignals`, SIGINT/SIGTERM arrives).
    /// `onListening` gets the bound port once the socket accepts connections.
    public func run(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let responder = FlexResponder(sandboxes: SandboxDirectory(seed: seed), maxBodyBytes: maxBodyBytes, accessLog: accessLog)
        var logger = Logger(label: "flex-serve")
        // Hummingbird's own chatter would mix with flex's output; the access log is ours.
        logger.logLevel = .critical
        let requestedPort = port
        let accessLog = self.accessLog
        // Requests the HTTP parser rejects get Flex's error shape too (MalformedRequestHandler).
        let http1 = HTTP1Channel.Configuration(additionalChannelHandlers: [MalformedRequestHandler(accessLog: accessLog)])
        let app = Application(
            responder: responder,
            server: .http1(configuration: http1),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? requestedPort) },
            logger: logger
        )
        if handleSignals {
            try await app.runService()
        } else {
            try await app.run()
        }
    }
}
