// Running checked programs: a whole file (`flex run`), one test case (`flex test`), a REPL entry.
// `flex run` and `flex test` share one scenario loop: each scenario runs on a fresh backend and
// scope after the file's shared setup.
import FlexLanguage

extension Interpreter {
    /// Runs one file. Without scenarios its statements run in order and the first failure stops
    /// it. With scenarios, each scenario runs on a fresh backend and a fresh scope after the
    /// non-scenario statements that precede it (the shared setup); a failing scenario does not
    /// stop the others. (The checker rejects other statements after the first scenario; should
    /// any reach here, they continue the last scenario's run.)
    /// Failures are reported through `report`; the result is the worst exit code.
    public func run(_ program: CheckedProgram, report: (ScriptFailure, _ scenario: String?) -> Void) async -> Int32 {
        adopt(program)
        let scenarios = Interpreter.scenarioIndices(of: program.program)
        guard !scenarios.isEmpty else {
            guard let failure = await failure(of: { _ = try await self.executeTopLevel(program.program.statements[...]) }) else {
                return ExitStatus.success
            }
            report(failure, nil)
            return failure.exitCode
        }
        var worst = ExitStatus.success
        for (position, index) in scenarios.enumerated() {
            guard case .scenario(let name, _, _) = program.program.statements[index].kind else { continue }
            if let failure = await runScenario(at: index, of: program.program, continuing: position == scenarios.count - 1) {
                report(failure, name)
                worst = ExitStatus.worst(worst, failure.exitCode)
                // A signal stops the whole run, not just this scenario.
                if case .interrupted = failure.kind { break }
            }
        }
        return worst
    }

    /// The indices of a program's top-level scenarios: each is one test case (none: the file is one).
    public static func scenarioIndices(of program: Program) -> [Int] {
        program.statements.indices.filter {
            if case .scenario = program.statements[$0].kind { return true }
            return false
        }
    }

    /// Runs one test case on a fresh backend and scope: with `scenario` the index of a top-level
    /// scenario statement, its shared setup (the non-scenario statements before it) then its body;
    /// with nil, the whole file. Nil when it passed; otherwise why it stopped (`flex test`).
    public func runCase(_ program: CheckedProgram, scenario index: Int?) async -> ScriptFailure? {
        adopt(program)
        let statements = program.program.statements
        if let index, index >= 0, index < statements.count, case .scenario = statements[index].kind {
            return await runScenario(at: index, of: program.program, continuing: false)
        }
        resetBackend()
        resetGlobals()
        return await failure(of: { _ = try await self.executeTopLevel(statements[...]) })
    }

    /// One scenario on a fresh backend and scope: the shared setup, the body, and with
    /// `continuing` whatever statements follow it in the file.
    func runScenario(at index: Int, of program: Program, continuing: Bool) async -> ScriptFailure? {
        guard case .scenario(let name, _, let body) = program.statements[index].kind else { return nil }
        resetBackend()
        resetGlobals()
        currentScenario = name
        defer { currentScenario = nil }
        return await failure {
            for statement in program.statements[..<index] {
                if case .scenario = statement.kind { continue }
                _ = try await self.execute(statement, in: self.globals, topLevel: true)
            }
            _ = try await self.executeTopLevel(body.statements[...])
            if continuing {
                _ = try await self.executeTopLevel(program.statements[(index + 1)...])
            }
        }
    }

    /// Runs `work`; nil when it finished, otherwise why it stopped (any error is a runtime one).
    func failure(of work: () async throws -> Void) async -> ScriptFailure? {
        do {
            try await work()
            return nil
        } catch let failure as ScriptFailure {
            return failure
        } catch {
            return .runtime("\(error)", at: nil)
        }
    }

    /// Runs one REPL entry in the session's top-level scope; its value, if it has one.
    public func executeTopLevel(_ program: CheckedProgram) async throws -> Value? {
        adopt(program)
        return try await executeTopLevel(program.program.statements[...])
    }

    /// Runs statements in the top-level scope (a file, a scenario body, a REPL entry).
    @discardableResult
    func executeTopLevel(_ statements: NodeList<Statement>) async throws -> Value? {
        var last: Value?
        for statement in statements {
            if case .scenario = statement.kind { continue }
            if case .returned = try await execute(statement, in: globals, topLevel: true) {
                throw ScriptFailure.runtime("'return' outside a function", at: statement.span,
                                            help: "use return only inside a def body")
            }
            last = it
        }
        return last
    }
}
