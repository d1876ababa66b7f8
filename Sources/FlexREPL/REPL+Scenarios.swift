// Scenarios typed at the prompt or in a `.load`ed file run as `flex run` runs them: each on a
// fresh simulator and scope after the shared setup before it, so the session's own objects and
// variables are left alone; the session is told how many ran and passed.
import FlexInterpreter
import FlexLanguage

extension REPL {
    /// How the scenarios of one entry or file went.
    struct ScenarioTally: Equatable {
        var passed = 0
        var failed = 0

        /// "2 scenarios run: 1 passed, 1 failed"
        var summary: String {
            let total = passed + failed
            var text = "\(total) scenario\(total == 1 ? "" : "s") run: \(passed) passed"
            if failed > 0 { text += ", \(failed) failed" }
            return text
        }
    }

    /// Why scenarios cannot run in this session, nil when they can.
    var scenarioObstacle: String? {
        guard !configuration.backend.startsFresh else { return nil }
        return "scenarios did not run: each needs a fresh simulator, and this session talks to "
            + "\(configuration.backend.displayName), which it would share; run the file with flex run"
    }

    /// Runs the scenarios of `file` on a fresh interpreter, reporting each failure; nil when
    /// they could not run (the reason is reported).
    func runScenarios(of file: SourceFile) async -> ScenarioTally? {
        if let obstacle = scenarioObstacle {
            complain(obstacle)
            noteFailure(ExitStatus.usage)
            return nil
        }
        // Compiled again without the session's names: those live on the session's backend, so a
        // scenario that leans on one is told so before anything runs.
        let isolated = CheckedProgram.compile(file, sources: sources, loader: FileSourceLoader(), predefined: [])
        guard !isolated.hasErrors else {
            let note = Diagnostic.Note("a scenario runs on a fresh simulator: it sees the variables set before it in the same entry or file, not the session's")
            report(isolated.diagnostics.map { diagnostic in
                var noted = diagnostic
                if noted.severity == .error { noted.notes.append(note) }
                return noted
            })
            noteFailure(ExitStatus.checkFailed)
            return nil
        }
        let fresh = Interpreter(sources: sources, output: output, configuration: configuration)
        var failed = 0
        _ = await fresh.run(isolated) { failure, scenario in
            var diagnostic = failure.diagnostic
            if let scenario { diagnostic.notes.append(Diagnostic.Note("in scenario \"\(scenario)\"")) }
            report([diagnostic])
            noteFailure(failure.exitCode)
            failed += 1
        }
        let total = Interpreter.scenarioIndices(of: isolated.program).count
        return ScenarioTally(passed: total - failed, failed: failed)
    }
}
