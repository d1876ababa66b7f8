// The options of `flex serve`, declared once: flex parses them (so its help, man page and
// completions know them) and passes them on to flex-serve, which parses the same declaration.
import ArgumentParser

public struct ServeOptions: ParsableArguments {
    @Option(help: "The address to bind; 127.0.0.1 keeps it on this machine.")
    public var host = "127.0.0.1"

    // Unconditional, so `--port -1` reaches validate() instead of reading as an unknown flag.
    @Option(parsing: .unconditional, help: "The port, 0 to 65535; 0 picks a free one (printed on start).")
    public var port = 4010

    @Option(help: "The simulator's seed.")
    public var seed: UInt64 = 42

    @Flag(help: "Do not write an access-log line per request to stderr.")
    public var quiet = false

    @Option(help: ArgumentHelp("The base URL of the hosted checkout page in sessions' redirect_url (BASE/pay/c/{id}); default this server's own http://HOST:PORT.",
                               valueName: "base-url"))
    public var checkoutURL: String?

    @Option(name: .customLong("forward-to"), help: "Also POST every event to this URL, signed with the secret printed on start.")
    public var forwardTo: String?

    @Flag(name: .customLong("no-webhooks"), help: "Record webhook deliveries only (as flex run does); POST nothing.")
    public var noWebhooks = false

    @Option(name: .customLong("webhook-retry-scale"), help: "Multiply Svix's retry waits (5 s … 10 h) by this; 0.001 for tests.")
    public var webhookRetryScale = 1.0

    @Option(name: .customLong("webhook-timeout"), help: "Seconds an endpoint has to answer one delivery attempt.")
    public var webhookTimeout = 15.0

    @Option(name: .customLong("webhook-queue"), help: "Deliveries that may wait per endpoint; more are dropped and logged.")
    public var webhookQueue = 10_000

    @Option(name: .customLong("header-timeout"), help: "Seconds a new connection has to send a complete request head.")
    public var headerTimeout = 10.0

    @Option(name: .customLong("idle-timeout"), help: "Seconds a kept-alive connection may wait for its next request.")
    public var idleTimeout = 10.0

    @Option(name: .customLong("max-connections"), help: "Open connections at most (default: the descriptor limit less 128).")
    public var maxConnections: Int?

    public init() {}

    public mutating func validate() throws {
        // NIO would take 70000 modulo 65536 (and -1 as a random port): refuse instead.
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be 0 to 65535 (0 picks a free port), got \(port)")
        }
        guard !host.isEmpty else { throw ValidationError("--host needs an address, such as 127.0.0.1 or ::1") }
        if let forwardTo, !(forwardTo.hasPrefix("http://") || forwardTo.hasPrefix("https://")) || forwardTo.utf8.contains(where: { $0 <= 0x20 }) {
            throw ValidationError("--forward-to needs an http:// or https:// URL, not \"\(forwardTo)\"")
        }
        guard webhookRetryScale >= 0, webhookRetryScale.isFinite else { throw ValidationError("--webhook-retry-scale must be >= 0") }
        guard webhookTimeout > 0, headerTimeout > 0, idleTimeout > 0 else { throw ValidationError("timeouts must be > 0 seconds") }
        guard webhookQueue >= 1 else { throw ValidationError("--webhook-queue must be >= 1") }
        if let maxConnections, maxConnections < 1 { throw ValidationError("--max-connections must be >= 1") }
        guard let given = checkoutURL else { return }
        let base = given.hasSuffix("/") ? String(given.dropLast()) : given
        let lower = base.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), base.utf8.count > "https://".utf8.count,
              base.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }), !base.contains("?"), !base.contains("#") else {
            throw ValidationError("--checkout-url must be an http:// or https:// URL without spaces, query or fragment, like https://pay.shop.test (got \"\(given)\")")
        }
        checkoutURL = base
    }

    /// The same options as arguments for flex-serve: what flex hands over when it execs it.
    public var arguments: [String] {
        ["--host", host, "--port", String(port), "--seed", String(seed)] + (quiet ? ["--quiet"] : [])
            + (checkoutURL.map { ["--checkout-url", $0] } ?? []) + webhookAndConnectionArguments
    }

    /// The webhook and connection options as flex-serve's arguments.
    var webhookAndConnectionArguments: [String] {
        (forwardTo.map { ["--forward-to", $0] } ?? []) + (noWebhooks ? ["--no-webhooks"] : [])
            + ["--webhook-retry-scale", String(webhookRetryScale), "--webhook-timeout", String(webhookTimeout),
               "--webhook-queue", String(webhookQueue), "--header-timeout", String(headerTimeout), "--idle-timeout", String(idleTimeout)]
            + (maxConnections.map { ["--max-connections", String($0)] } ?? [])
    }
}
