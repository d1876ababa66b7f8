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

    @OptionGroup var backendOptions: BackendOptions

    /// On a terminal: libedit and history. From a pipe, `flex repl` reads entries as the
    /// terminal does (dot-commands too, results echoed) without prompts, while `flex` alone
    /// reads a script like `flex run -`.
    func execute(output: StandardOutputSink) async -> Int32 {
        let interactive = isatty(0) != 0
        guard let plan = backendOptions.start(output: output, announce: !interactive) else { return ExitStatus.usage }
        if !interactive, Self.wasNamed {
            var configuration = plan.configuration(seed: seed)
            configuration.color = colorDiagnostics()
            let code = await REPL(reader: PlainLineReader(), output: output, configuration: configuration, isPiped: true).run()
            await plan.finish()
            return code
        }
        guard interactive else {
            var configuration = plan.configuration(seed: seed)
            configuration.color = colorDiagnostics()
            let code = await ScriptRunner(configuration: configuration, output: output).run(scripts(["-"]))
            await plan.finish()
            return code
        }
        // The reader needs the REPL for Tab, and the REPL needs the reader: close the loop through a box.
        final class Box { weak var repl: REPL? }
        let box = Box()
        let reader: LineReader = LibEditLineReader { text in box.repl?.complete(text) ?? .none } ?? PlainLineReader()
        var configuration = plan.configuration(seed: seed)
        configuration.color = colorDiagnostics()
        let repl = REPL(reader: reader, output: output, configuration: configuration, historyPath: HistoryStore.defaultPath())
        box.repl = repl
        let code = await repl.run()
        await plan.finish()
        return code
    }

    /// Whether the command line said `repl` (main turns a bare `flex` into `repl` too).
    static var wasNamed: Bool { CommandLine.arguments.dropFirst().first == "repl" }
}
