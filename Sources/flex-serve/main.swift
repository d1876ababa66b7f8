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

    // Unconditional, so `--port -1` reaches validate() instead of reading as an unknown flag.
    @Option(parsing: .unconditional, help: "The port, 0 to 65535; 0 picks a free one (printed on start).")
    var port = 4010

    @Option(help: "The simulator's seed.")
    var seed: UInt64 = 42

    @Flag(help: "Do not write an access-log line per request to stderr.")
    var quiet = false

    @Option(help: ArgumentHelp("The base URL of the hosted checkout page in sessions' redirect_url (BASE/pay/c/{id}); default this server's own http://HOST:PORT.",
                               valueName: "base-url"))
    var checkoutURL: String?

    mutating func validate() throws {
        // NIO would take 70000 modulo 65536 (and -1 as a random port): refuse instead.
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be 0 to 65535 (0 picks a free port), got \(port)")
        }
        guard let given = checkoutURL else { return }
        let base = given.hasSuffix("/") ? String(given.dropLast()) : given
        let lower = base.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), base.utf8.count > "https://".utf8.count,
              base.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }), !base.contains("?"), !base.contains("#") else {
            throw ValidationError("--checkout-url must be an http:// or https:// URL without spaces, query or fragment, like https://pay.shop.test (got \"\(given)\")")
        }
        checkoutURL = base
    }

    func run() async throws {
        let host = self.host, seed = self.seed, quiet = self.quiet
        let server = FlexServer(host: host, port: port, seed: seed, checkoutURL: checkoutURL, accessLog: { line in
            if !quiet { writeDescriptor(2, line + "\n") }
        })
        do {
            try await server.run { boundPort in
                // One line on stdout, written at once: scripts and tests read the port from it.
                let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(boundPort)/v1"
                writeDescriptor(1, "flex serve: listening on \(url) (seed \(seed)); Ctrl-C stops\n")
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
