// Runs checked programs: statements, scopes, `it`, scenarios and includes. Expressions, operators,
// built-ins, expectations and commands live in Interpreter+*.swift and Commands/.
import FlexAPI
import FlexLanguage
import FlexSimulator

public final class Interpreter {
    public struct Options: Sendable {
        public var seed: UInt64
        /// `--json`: top-level statements with a value write one compact JSON line each.
        public var json: Bool
        /// Names bound before the script starts (`--var NAME=VALUE`).
        public var variables: [(name: String, value: Value)]
        /// How deep `def` calls may nest before the run stops with an error.
        public var maximumCallDepth: Int
        /// How many statements and loop iterations a run may execute before it stops with an
        /// error (the fuzzer's guard against `repeat 1000000000`); unlimited by default.
        public var maximumSteps: Int
        /// How long a run may take on the real clock before it stops with an error; none by default.
        public var timeLimit: Duration?

        /// The middle of every Idempotency-Key (`flex-<namespace>-<n>`). Nil: the seed, so runs on
        /// the simulator are reproducible. Against the live API it must differ per run, or Flex
        /// would replay an earlier run's stored responses.
        public var idempotencyNamespace: String?

        public init(seed: UInt64 = 42, json: Bool = false, variables: [(name: String, value: Value)] = [], maximumCallDepth: Int = 200,
                    maximumSteps: Int = .max, timeLimit: Duration? = nil, idempotencyNamespace: String? = nil) {
            self.seed = seed
            self.json = json
            self.variables = variables
            self.maximumCallDepth = maximumCallDepth
            self.maximumSteps = maximumSteps
            self.timeLimit = timeLimit
            self.idempotencyNamespace = idempotencyNamespace
        }
    }

    /// Makes the backend each run (and each scenario) starts from.
    public typealias BackendFactory = @Sendable (_ seed: UInt64) -> any FlexBackend

    public let options: Options
    let sources: SourceManager
    let output: OutputSink
    let makeBackend: BackendFactory

    /// The backend commands go to. Set through `useBackend` so the fast path stays in sync.
    public private(set) var backend: any FlexBackend
    /// The same backend when it is the embedded simulator: called synchronously, no async hop.
    var simulator: SimulatedFlex?
    /// Numbers the Idempotency-Key of each POST: `flex-<seed>-<n>`; restarts with each backend.
    var requestCounter = 0
    /// `flex-<seed>-`, built once.
    let idempotencyKeyPrefix: String

    /// Parsed included files, keyed by the include statement's path span (from the checker).
    public var includes: [SourceSpan: Program] = [:]
    public private(set) var globals: Scope
    /// The last value of an expression statement (or binding); `it` in scripts.
    public internal(set) var it: Value = .null
    var callDepth = 0
    /// Where `expect snapshot NAME: VALUE` compares (set by `flex test`); nil: only evaluated.
    public var snapshotStore: (any SnapshotStore)?
    /// `flex test` against a non-simulated backend lists what each case created.
    public var recordsCreatedObjects = false
    /// IDs of objects created by successful POSTs since the last `resetBackend` (when recorded).
    public internal(set) var createdObjects: [String] = []
    /// Snapshot names used by the current case (a name may be used once per case).
    var snapshotNamesUsed: Set<String> = []
    /// Statements and loop iterations run so far, and when the first one ran (see `checkBudget`).
    var steps = 0
    var startedAt: ContinuousClock.Instant?
    /// Scopes a `def` ran in: each holds a function that holds it back (a reference cycle), so
    /// they are emptied when the globals are replaced and when the interpreter goes away.
    var functionScopes: [Scope] = []
    var regexCache: [String: Regex<AnyRegexOutput>] = [:]

    public init(sources: SourceManager, output: OutputSink, options: Options = Options(),
                makeBackend: @escaping BackendFactory = { SimulatedFlex(seed: $0) }) {
        self.sources = sources
        self.output = output
        self.options = options
        self.makeBackend = makeBackend
        self.idempotencyKeyPrefix = "flex-\(options.idempotencyNamespace ?? String(options.seed))-"
        let backend = makeBackend(options.seed)
        self.backend = backend
        self.simulator = backend as? SimulatedFlex
        self.globals = Scope(parent: nil)
        resetGlobals()
    }

    deinit { breakFunctionCycles() }

    /// Starts over on a fresh backend from the factory (each scenario does).
    public func resetBackend() {
        useBackend(makeBackend(options.seed))
    }

    public func useBackend(_ backend: any FlexBackend) {
        self.backend = backend
        self.simulator = backend as? SimulatedFlex
        // A fresh simulator has forgotten every key; a live API has not, so keys keep counting.
        if options.idempotencyNamespace == nil { requestCounter = 0 }
        createdObjects = []
        snapshotNamesUsed = []
    }

    /// A fresh top-level scope holding only the predefined variables.
    public func resetGlobals() {
        breakFunctionCycles()
        globals = Scope(parent: nil)
        for (name, value) in options.variables { globals.define(name, value) }
        it = .null
    }

    // MARK: - Programs and scenarios

    /// Runs one file. Without scenarios its statements run in order and the first failure stops
    /// it. With scenarios, each scenario runs on a fresh backend and a fresh scope after the
    /// non-scenario statements that precede it (the shared setup); a failing scenario does not
    /// stop the others. (The checker rejects other statements after the first scenario; should
    /// any reach here, they continue the last scenario's run.)
    /// Failures are reported through `report`; the result is the worst exit code.
    public func run(_ program: Program, report: (ScriptFailure, _ scenario: String?) -> Void) async -> Int32 {
        let statements = program.statements
        let scenarioIndices = statements.indices.filter {
            if case .scenario = statements[$0].kind { return true }
            return false
        }
        guard !scenarioIndices.isEmpty else {
            do {
                _ = try await executeTopLevel(statements[...])
                return ExitStatus.success
            } catch let failure as ScriptFailure {
                report(failure, nil)
                return failure.exitCode
            } catch {
                report(.runtime("\(error)", at: nil), nil)
                return ExitStatus.runtimeError
            }
        }
        var worst = ExitStatus.success
        for (position, index) in scenarioIndices.enumerated() {
            guard case .scenario(let name, _, let body) = statements[index].kind else { continue }
            resetBackend()
            resetGlobals()
            do {
                for statement in statements[..<index] {
                    if case .scenario = statement.kind { continue }
                    _ = try await execute(statement, in: globals, topLevel: true)
                }
                _ = try await executeTopLevel(body.statements[...])
                if position == scenarioIndices.count - 1 {
                    _ = try await executeTopLevel(statements[(index + 1)...])
                }
            } catch let failure as ScriptFailure {
                report(failure, name)
                worst = ExitStatus.worst(worst, failure.exitCode)
            } catch {
                report(.runtime("\(error)", at: nil), name)
                worst = ExitStatus.worst(worst, ExitStatus.runtimeError)
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
    public func runCase(_ program: Program, scenario index: Int?) async -> ScriptFailure? {
        resetBackend()
        resetGlobals()
        do {
            if let index, index >= 0, index < program.statements.count,
               case .scenario(_, _, let body) = program.statements[index].kind {
                for statement in program.statements[..<index] {
                    if case .scenario = statement.kind { continue }
                    _ = try await execute(statement, in: globals, topLevel: true)
                }
                _ = try await executeTopLevel(body.statements[...])
            } else {
                _ = try await executeTopLevel(program.statements[...])
            }
            return nil
        } catch let failure as ScriptFailure {
            return failure
        } catch {
            return .runtime("\(error)", at: nil)
        }
    }

    /// Runs statements in the top-level scope (a REPL entry, a file, a scenario body).
    @discardableResult
    public func executeTopLevel(_ statements: NodeList<Statement>) async throws -> Value? {
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

    // MARK: - Statements

    enum Flow {
        case normal
        case returned(Value)
    }

    func execute(_ statement: Statement, in scope: Scope, topLevel: Bool = false) async throws -> Flow {
        try checkBudget(statement.span)
        switch statement.kind {
        case .letBinding(let name, let expression):
            let value = try await evaluate(expression, in: scope)
            scope.define(name.name, value)
            it = value
            if topLevel, options.json { emitJSON(value) }

        case .assignment(let name, let expression):
            let value = try await evaluate(expression, in: scope)
            if name.name == "it" {
                it = value
            } else if !scope.assign(name.name, value) {
                throw ScriptFailure.runtime("cannot assign to '\(name.name)': it is not bound", at: name.span,
                                            help: "bind it first: let \(name.name) = …")
            }
            it = value
            if topLevel, options.json { emitJSON(value) }

        case .expression(let expression):
            let value = try await evaluate(expression, in: scope)
            it = value
            if topLevel, options.json { emitJSON(value) }

        case .expect(let condition, let message):
            try await expect(condition, message: message, in: scope)

        case .expectError(let code, let body):
            try await expectError(code: code, body: body, statementSpan: statement.span, in: scope)

        case .print(let expressions):
            var text = ""
            for (index, expression) in expressions.enumerated() {
                if index > 0 { text += " " }
                text += try await evaluate(expression, in: scope).printed
            }
            emitText(text)

        case .show(let expression):
            emitText(try await evaluate(expression, in: scope).shown)

        case .ifElse(let branches, let elseBlock):
            for branch in branches {
                if try await evaluate(branch.condition, in: scope).isTruthy {
                    return try await execute(branch.body, in: scope)
                }
            }
            if let elseBlock { return try await execute(elseBlock, in: scope) }

        case .forIn(let name, let sequence, let body):
            let value = try await evaluate(sequence, in: scope)
            let elements: [Value]
            if let list = value.listElements {
                elements = list
            } else if let keys = value.recordKeys {
                elements = keys.map(Value.string)
            } else if let text = value.text {
                elements = text.map { .string(String($0)) }
            } else {
                throw ScriptFailure.runtime("cannot loop over \(value.kindDescription)", at: sequence.span,
                                            help: "for loops over a list, a record's keys, or a string's characters")
            }
            let loopScope = Scope(parent: scope)
            for element in elements {
                loopScope.variables.removeAll(keepingCapacity: true)
                loopScope.define(name.name, element)
                if case .returned(let result) = try await executeStatements(body.statements, in: loopScope) {
                    return .returned(result)
                }
            }

        case .repeatTimes(let countExpression, let body):
            let count = try await evaluate(countExpression, in: scope)
            guard case .integer(let times) = count else {
                throw ScriptFailure.runtime("repeat needs an integer count, got \(count.kindDescription)", at: countExpression.span)
            }
            guard times >= 0 else {
                throw ScriptFailure.runtime("repeat count must not be negative, got \(times)", at: countExpression.span)
            }
            let needsScope = Interpreter.bindsNames(body)
            for _ in 0..<times {
                try checkBudget(statement.span)
                let flow = try await executeStatements(body.statements, in: needsScope ? Scope(parent: scope) : scope)
                if case .returned = flow { return flow }
            }

        case .waitUntil(let condition, let every, let timeout):
            try await waitUntil(condition, every: every, timeout: timeout, span: statement.span, in: scope)

        case .functionDefinition(let name, let parameters, let body):
            scope.define(name.name, .function(FunctionValue(name: name.name, parameters: parameters, body: body, scope: scope)))
            if functionScopes.last !== scope { functionScopes.append(scope) }

        case .returnStatement(let expression):
            guard let expression else { return .returned(.null) }
            return .returned(try await evaluate(expression, in: scope))

        case .include(_, let pathSpan):
            // Absent: the file was already included elsewhere in this run (include-once).
            if let program = includes[pathSpan] {
                for included in program.statements {
                    let flow = try await execute(included, in: globals, topLevel: topLevel)
                    if case .returned = flow {
                        throw ScriptFailure.runtime("'return' outside a function", at: included.span)
                    }
                }
            }

        case .scenario(_, let nameSpan, _):
            throw ScriptFailure.runtime("a scenario can only appear at the top level of a file", at: nameSpan)

        case .invalid:
            throw ScriptFailure.runtime("cannot run a statement that did not parse", at: statement.span)
        }
        return .normal
    }

    func execute(_ block: Block, in scope: Scope) async throws -> Flow {
        try await executeStatements(block.statements, in: Interpreter.bindsNames(block) ? Scope(parent: scope) : scope)
    }

    func executeStatements(_ statements: NodeList<Statement>, in scope: Scope) async throws -> Flow {
        for statement in statements {
            let flow = try await execute(statement, in: scope)
            if case .returned = flow { return flow }
        }
        return .normal
    }

    /// Ctrl-C in the REPL (see `Interruption`): the entry stops like a runtime error.
    static func interrupted(_ span: SourceSpan) -> ScriptFailure {
        .runtime("interrupted", at: span)
    }

    /// A block needs its own scope only when it binds names; most loop bodies do not.
    static func bindsNames(_ block: Block) -> Bool {
        block.statements.contains { statement in
            switch statement.kind {
            case .letBinding, .functionDefinition: true
            default: false
            }
        }
    }

    // MARK: - Output

    func emitText(_ text: String) {
        if options.json {
            output.write(JSON.string(text).serialized() + "\n", to: .standardOutput)
        } else {
            output.write(text + "\n", to: .standardOutput)
        }
    }

    func emitJSON(_ value: Value) {
        output.write(value.json.serialized() + "\n", to: .standardOutput)
    }
}
