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

    /// On a terminal: libedit and history. Otherwise statements are read like `flex run -`.
    func execute(output: StandardOutputSink) async -> Int32 {
        guard isatty(0) != 0 else {
            let runner = ScriptRunner(options: ScriptRunner.Options(seed: seed, color: colorDiagnostics()), output: output)
            return await runner.run(scripts(["-"]))
        }
        // The reader needs the REPL for Tab, and the REPL needs the reader: close the loop through a box.
        final class Box { weak var repl: REPL? }
        let box = Box()
        let reader: LineReader = LibEditLineReader { text in box.repl?.complete(text) ?? .none } ?? PlainLineReader()
        let options = REPL.Options(seed: seed, color: colorDiagnostics(), historyPath: HistoryStore.defaultPath())
        let repl = REPL(reader: reader, output: output, options: options)
        box.repl = repl
        return await repl.run()
    }
}
