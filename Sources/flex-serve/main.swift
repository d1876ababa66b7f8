// flex-serve: the program behind `flex serve`, the simulator over HTTP with Flex's wire format
// for any client (curl, an SDK, `flex run --backend live --base-url http://127.0.0.1:4010/v1`).
// A program of its own because Hummingbird brings full Foundation (ICU), which would otherwise
// be loaded by every `flex run` and cost its start-up several milliseconds.
import ArgumentParser
import FlexServer
import FlexServeSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "flex serve", abstract: "Serve the simulator over HTTP (loopback by default).")

    @OptionGroup var options: ServeOptions

    var webhookOptions: WebhookDeliveryOptions {
        WebhookDeliveryOptions(enabled: !options.noWebhooks, forwardTo: options.forwardTo,
                               forwardingSecret: FlexServer.forwardingSecret(seed: options.seed),
                               retryScale: options.webhookRetryScale, timeoutSeconds: options.webhookTimeout,
                               queueCapacity: options.webhookQueue)
    }

    func run() async throws {
        let host = options.host, seed = options.seed, quiet = options.quiet, port = options.port
        let forwarding = options.forwardTo.map { "flex serve: forwarding every event to \($0); your webhook signing secret is \(webhookOptions.forwardingSecret)\n" }
        let server = FlexServer(host: host, port: port, seed: seed, checkoutURL: options.checkoutURL, accessLog: { line in
            if !quiet { writeDescriptor(2, line + "\n") }
        }, webhooks: webhookOptions, connections: ConnectionOptions(
            headerTimeoutSeconds: options.headerTimeout, idleTimeoutSeconds: options.idleTimeout, maxConnections: options.maxConnections))
        do {
            try await server.run { boundPort in
                // One line on stdout, written at once: scripts and tests read the port from it.
                let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(boundPort)/v1"
                writeDescriptor(1, "flex serve: listening on \(url) (seed \(seed)); Ctrl-C stops\n")
                if let forwarding { writeDescriptor(1, forwarding) }
            }
        } catch {
            writeDescriptor(2, "flex serve: \(ListenFailureWords.describe(error, host: host, port: port))\n")
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
    // Exit 1 for every usage error, as `flex` does (argument-parser's own would be 64).
    if ServeCommand.exitCode(for: error) == .success { ServeCommand.exit(withError: error) }
    if let exit = error as? ExitCode { ServeCommand.exit(withError: exit) }
    writeDescriptor(2, "flex serve: \(ServeCommand.message(for: error))\nrun 'flex serve --help' for usage\n")
    exit(1)
}
