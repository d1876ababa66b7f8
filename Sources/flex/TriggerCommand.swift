// `flex trigger EVENT`: runs the smallest flow that makes a Flex (a `flex serve` by default) emit
// EVENT, through the interpreter and the live backend, so a shop can exercise one webhook handler.
import ArgumentParser
import FlexInterpreter
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

struct TriggerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trigger",
        abstract: "Make a flex serve emit one event: flex trigger EVENT [--base-url URL]; --list shows the events.")

    @Argument(help: "The event type, e.g. checkout.session.completed.")
    var event: String?

    @Flag(help: "List every event type flex trigger can emit.")
    var list = false

    @Flag(help: "Print the flow (a flex script) instead of running it.")
    var show = false

    @Option(help: ArgumentHelp("The API base URL, ending in the version.", valueName: "URL"))
    var baseURL = "http://127.0.0.1:4010/v1"

    @Flag(help: "Allow a production (non fsk_test_) key; at a terminal you are asked to confirm.")
    var allowProduction = false

    @Option(help: ArgumentHelp("How often a failed request is retried (connection failures, 429, 5xx).", valueName: "N"))
    var retries = 3

    @Option(help: ArgumentHelp("Write every request/response as JSON lines (secrets scrubbed).", valueName: "FILE"))
    var record: String?

    @Option(help: ArgumentHelp("Emit the event in this sandbox of the server (a test worker's), not in its own world.", valueName: "NAME"))
    var sandbox: String?

    func execute(output: StandardOutputSink) async -> Int32 {
        if list {
            output.write(TriggerFlows.eventTypes.joined(separator: "\n") + "\n", to: .standardOutput)
            return ExitStatus.success
        }
        guard let event else {
            output.write("flex: flex trigger needs an event type (flex trigger --list shows them)\n", to: .standardError)
            return ExitStatus.usage
        }
        guard let script = TriggerFlows.script(for: event) else {
            output.write("flex: \(TriggerFlows.unknownEventMessage(event))\n", to: .standardError)
            return ExitStatus.usage
        }
        if show {
            output.write(script, to: .standardOutput)
            return ExitStatus.success
        }
        guard let plan = backendOptions(output: output)?.start(output: output, resetRemote: false) else { return ExitStatus.usage }
        var configuration = plan.configuration(seed: 42)
        configuration.color = colorDiagnostics()
        let runner = ScriptRunner(configuration: configuration, output: output)
        InterruptSignals.install()
        let code = await runner.run([.source(path: "<flex trigger \(event)>", bytes: Array(script.utf8))])
        await plan.finish()
        return code
    }

    /// `flex run --backend live`'s options, with this command's base URL. A `flex serve` on this
    /// machine takes any test key, so without one configured a placeholder test key is used.
    func backendOptions(output: StandardOutputSink) -> BackendOptions? {
        var arguments = ["--backend", "live", "--base-url", baseURL, "--retries", String(retries)]
        if allowProduction { arguments.append("--allow-production") }
        if let record { arguments += ["--record", record] }
        if let sandbox { arguments += ["--sandbox", sandbox] }
        if TriggerCommand.isLoopback(baseURL) { setenv("FLEX_API_KEY", "fsk_test_flex_trigger", 0) }
        do {
            return try BackendOptions.parse(arguments)
        } catch {
            output.write("flex: \(FlexCommand.message(for: error))\n", to: .standardError)
            return nil
        }
    }

    static func isLoopback(_ url: String) -> Bool {
        // "http://127.0.0.1:4010/v1" splits into "http:", "127.0.0.1:4010", "v1".
        let parts = url.split(separator: "/")
        guard parts.count >= 2, parts[0].hasSuffix(":") else { return false }
        let authority = parts[1]
        let host = authority.hasPrefix("[") ? authority.prefix { $0 != "]" } + "]" : authority.prefix { $0 != ":" }
        return ["127.0.0.1", "localhost", "[::1]"].contains(String(host))
    }
}
