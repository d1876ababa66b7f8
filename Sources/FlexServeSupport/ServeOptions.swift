// The options of `flex serve`, declared once: flex parses them (so its help, man page and
// completions know them) and passes them on to flex-serve, which parses the same declaration.
import ArgumentParser

public struct ServeOptions: ParsableArguments {
    @Option(help: "The address to bind; 127.0.0.1 keeps it on this machine.")
    public var host = "127.0.0.1"

    @Option(help: "The port; 0 picks a free one (printed on start).")
    public var port = 4010

    @Option(help: "The simulator's seed.")
    public var seed: UInt64 = 42

    @Flag(help: "Do not write an access-log line per request to stderr.")
    public var quiet = false

    public init() {}

    public func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port takes 0 to 65535 (0 picks a free port), got \(port)") }
        guard !host.isEmpty else { throw ValidationError("--host needs an address, such as 127.0.0.1 or ::1") }
    }

    /// The same options as arguments for flex-serve: what flex hands over when it execs it.
    public var arguments: [String] {
        ["--host", host, "--port", String(port), "--seed", String(seed)] + (quiet ? ["--quiet"] : [])
    }
}
