// `flex repl` (and `flex` alone on a terminal): the interactive session on libedit.
import ArgumentParser
import FlexInterpreter
import FlexREPL
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "repl", abstract: "Explore Flex at a prompt (the default on a terminal).")

    @Option(help: "The simulator's seed.")
    var seed: UInt64 = 42

    @OptionGroup var variableOptions: VariableOptions

    @OptionGroup var backendOptions: BackendOptions

    /// On a terminal: libedit and history. From a pipe, `flex repl` reads entries as the
    /// terminal does (dot-commands too, results echoed) without prompts, while `flex` alone
    /// reads a script like `flex run -`.
    func execute(output: StandardOutputSink) async -> Int32 {
        let interactive = isatty(0) != 0
        guard let bound = variableOptions.bindings(output: output),
              let plan = backendOptions.start(output: output, announce: !interactive) else { return ExitStatus.usage }
        var configuration = plan.configuration(seed: seed)
        configuration.variables = bound
        configuration.color = colorDiagnostics()
        let code: Int32
        if interactive {
            code = await runOnTerminal(configuration: configuration, output: output)
        } else if Self.wasNamed {
            code = await REPL(reader: PlainLineReader(), output: output, configuration: configuration, isPiped: true).run()
        } else {
            code = await ScriptRunner(configuration: configuration, output: output).run(scripts(["-"]))
        }
        await plan.finish()
        return code
    }

    func runOnTerminal(configuration: RunConfiguration, output: StandardOutputSink) async -> Int32 {
        // The reader needs the REPL for Tab, and the REPL needs the reader: close the loop through a box.
        final class Box { weak var repl: REPL? }
        let box = Box()
        let reader: LineReader = LibEditLineReader { text in box.repl?.complete(text) ?? .none } ?? PlainLineReader()
        let repl = REPL(reader: reader, output: output, configuration: configuration, historyPath: HistoryStore.defaultPath())
        box.repl = repl
        return await repl.run()
    }

    /// Whether the command line said `repl` (main turns a bare `flex` into `repl` too).
    static var wasNamed: Bool { CommandLine.arguments.dropFirst().first == "repl" }
}
