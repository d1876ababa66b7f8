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

    /// On a terminal: libedit and history. Otherwise statements are read like `flex run -`.
    func execute(output: StandardOutputSink) async -> Int32 {
        let interactive = isatty(0) != 0
        guard let plan = backendOptions.start(output: output, announce: !interactive) else { return ExitStatus.usage }
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
}
