// `flex run FILE…` (and `flex FILE…`) with no option, the commonest command line, skips
// swift-argument-parser: its parseAsRoot reflects over every command's properties, which was a
// quarter of such a run's CPU time (docs/performance.md (g)). Anything else goes to the parser.
import FlexInterpreter

enum PlainRun {
    /// The files of `run FILE…` when nothing else is on the line; nil when the parser must see it:
    /// an option or `--`, a word that could be one (`-x`), `help`, or no file at all.
    static func files(_ arguments: [String]) -> [String]? {
        guard arguments.count >= 2, arguments[0] == "run" else { return nil }
        let files = Array(arguments.dropFirst())
        let plain = files.allSatisfy { file in
            !file.isEmpty && (file == "-" || !file.hasPrefix("-")) && file != "help"
        }
        return plain ? files : nil
    }

    /// What `flex run FILE…` does with every option at its default: RunCommand.execute with the
    /// embedded simulator, seed 42, full diagnostics, no --var, no trace.
    static func run(_ files: [String], output: StandardOutputSink) async -> Int32 {
        let plan = BackendOptions.simulatorPlan(retries: BackendOptions.defaultRetries)
        return await RunCommand.run(files, plan: plan, configuration: plan.configuration(seed: RunCommand.defaultSeed), output: output)
    }
}
