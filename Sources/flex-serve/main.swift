// flex-serve: the program behind `flex serve`, the simulator over HTTP with Flex's wire format
// for any client (curl, an SDK, `flex run --backend live --base-url http://127.0.0.1:4010/v1`).
// A program of its own because Hummingbird brings full Foundation (ICU), which would otherwise
// be loaded by every `flex run` and cost its start-up several milliseconds.
import ArgumentParser
import FlexServer
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "flex serve", abstract: "Serve the simulator over HTTP (loopback by default).")

    @Option(help: "The address to bind; 127.0.0.1 keeps it on this machine.")
    var host = "127.0.0.1"

    @Option(help: "The port; 0 picks a free one (printed on start).")
    var port = 4010

    @Option(help: "The simulator's seed.")
    var seed: UInt64 = 42

    @Flag(help: "Do not write an access-log line per request to stderr.")
    var quiet = false

    @Option(name: .customLong("forward-to"), help: "Also POST every event to this URL, signed with the secret printed on start.")
    var forwardTo: String?

    @Flag(name: .customLong("no-webhooks"), help: "Record webhook deliveries only (as flex run does); POST nothing.")
    var noWebhooks = false

    @Option(name: .customLong("webhook-retry-scale"), help: "Multiply Svix's retry waits (5 s … 10 h) by this; 0.001 for tests.")
    var webhookRetryScale = 1.0

    @Option(name: .customLong("webhook-timeout"), help: "Seconds an endpoint has to answer one delivery attempt.")
    var webhookTimeout = 15.0

    @Option(name: .customLong("webhook-queue"), help: "Deliveries that may wait per endpoint; more are dropped and logged.")
    var webhookQueue = 10_000

    @Option(name: .customLong("header-timeout"), help: "Seconds a new connection has to send a complete request head.")
    var headerTimeout = 10.0

    @Option(name: .customLong("idle-timeout"), help: "Seconds a kept-alive connection may wait for its next request.")
    var idleTimeout = 10.0

    @Option(name: .customLong("max-connections"), help: "Open connections at most (default: the descriptor limit less 128).")
    var maxConnections: Int?

    func validate() throws {
        if let forwardTo, !(forwardTo.hasPrefix("http://") || forwardTo.hasPrefix("https://")) || forwardTo.utf8.contains(where: { $0 <= 0x20 }) {
            throw ValidationError("--forward-to needs an http:// or https:// URL, not \"\(forwardTo)\"")
        }
        guard webhookRetryScale >= 0, webhookRetryScale.isFinite else { throw ValidationError("--webhook-retry-scale must be >= 0") }
        guard webhookTimeout > 0, headerTimeout > 0, idleTimeout > 0 else { throw ValidationError("timeouts must be > 0 seconds") }
        guard webhookQueue >= 1 else { throw ValidationError("--webhook-queue must be >= 1") }
        if let maxConnections, maxConnections < 1 { throw ValidationError("--max-connections must be >= 1") }
    }

    var webhookOptions: WebhookDeliveryOptions {
        WebhookDeliveryOptions(enabled: !noWebhooks, forwardTo: forwardTo, forwardingSecret: FlexServer.forwardingSecret(seed: seed),
                               retryScale: webhookRetryScale, timeoutSeconds: webhookTimeout, queueCapacity: webhookQueue)
    }

    func run() async throws {
        let host = self.host, seed = self.seed, quiet = self.quiet
        let forwarding = forwardTo.map { "flex serve: forwarding every event to \($0); your webhook signing secret is \(webhookOptions.forwardingSecret)\n" }
        let server = FlexServer(host: host, port: port, seed: seed, accessLog: { line in
            if !quiet { writeDescriptor(2, line + "\n") }
        }, webhooks: webhookOptions, connections: ConnectionOptions(
            headerTimeoutSeconds: headerTimeout, idleTimeoutSeconds: idleTimeout, maxConnections: maxConnections))
        do {
            try await server.run { boundPort in
                // One line on stdout, written at once: scripts and tests read the port from it.
                let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(boundPort)/v1"
                writeDescriptor(1, "flex serve: listening on \(url) (seed \(seed)); Ctrl-C stops\n")
                if let forwarding { writeDescriptor(1, forwarding) }
            }
        } catch {
            writeDescriptor(2, "flex serve: \(error)\n")
            throw ExitCode(3)
        }
    }
}

// Parsed and run by hand: ArgumentParser's own async entry point wants an availability
// annotation that a Linux-only program has no use for.
do {
    let command = try ServeCommand.parse()
    try await command.run()
} catch {
    ServeCommand.exit(withError: error)
}
