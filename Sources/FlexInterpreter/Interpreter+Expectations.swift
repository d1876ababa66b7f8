// `expect`, `expect error` and `wait until`: the assertions and the poll loop.
import FlexAPI
import FlexLanguage

extension Interpreter {
    /// `expect EXPR [else MSG]`. A comparison is evaluated one side at a time so both sides can
    /// be shown; records that differ get a field-by-field diff instead.
    func expect(_ condition: Expression, message: Expression?, in scope: Scope) async throws {
        if case .binary(.matches, let subject, let pattern) = condition.kind, PatternMarker.isRecordPattern(pattern) {
            return try await expectPattern(subject, pattern, condition: condition, message: message, in: scope)
        }
        if case .call(let name, let arguments) = condition.kind, name.name == PatternMarker.snapshot {
            return try await expectSnapshot(arguments, span: condition.span, in: scope)
        }
        var notes: [Diagnostic.Note] = []
        var help: String?
        let holds: Bool
        if case .binary(let op, let left, let right) = condition.kind, Interpreter.comparisonOperators.contains(op) {
            let a = try await evaluate(left, in: scope)
            let b = try await evaluate(right, in: scope)
            holds = try binary(op, a, b, left: left, right: right, span: condition.span).isTruthy
            if !holds {
                help = Interpreter.centsHint(a, b)
                if op == .equal, a.isRecord, b.isRecord {
                    notes = Interpreter.recordDiff(a, b)
                } else {
                    notes = [Diagnostic.Note("left:  " + a.quoted), Diagnostic.Note("right: " + b.quoted)]
                }
            }
        } else {
            let value = try await evaluate(condition, in: scope)
            holds = value.isTruthy
            if !holds, !Interpreter.isLiteral(condition) { notes = [Diagnostic.Note("value: " + value.quoted)] }
        }
        guard !holds else { return }
        var headline = "expectation failed: " + sourceText(condition.span)
        if let message {
            headline = try await evaluate(message, in: scope).printed
            notes.insert(Diagnostic.Note("expected: " + sourceText(condition.span)), at: 0)
        }
        throw ScriptFailure(.expectation, .error(headline, at: condition.span, help: help, notes: notes))
    }

    /// `t.unit_amount == 10.00` compares cents with dollars: say how to write money. Only when
    /// an integer meets a decimal of at most two places (a likely dollar amount).
    static func centsHint(_ a: Value, _ b: Value) -> String? {
        let decimal: DecimalLiteral
        switch (a, b) {
        case (.integer, .decimal(let d)), (.decimal(let d), .integer): decimal = d
        default: return nil
        }
        guard decimal.scale <= 2, decimal.significand >= 0 else { return nil }
        var cents = decimal.significand
        for _ in decimal.scale..<2 {
            let (times, overflow) = cents.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            cents = times
        }
        return "money is integer cents: write \(dollars(cents)) (that is \(cents)), not \(decimal)"
    }

    static let comparisonOperators: Set<BinaryOperator> = [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .contains, .matches, .in]

    static func isLiteral(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .boolean, .null: true
        default: false
        }
    }

    /// Only the keys that differ: `- key: left`, `+ key: right`; a key on one side only gets one line.
    static func recordDiff(_ a: Value, _ b: Value) -> [Diagnostic.Note] {
        let left = a.recordEntries ?? []
        let right = b.recordEntries ?? []
        var notes: [Diagnostic.Note] = []
        for (key, value) in left {
            if let other = right.first(where: { $0.key == key })?.value {
                if !value.deepEquals(other) {
                    notes.append(Diagnostic.Note("- \(key): \(value.quoted)"))
                    notes.append(Diagnostic.Note("+ \(key): \(other.quoted)"))
                }
            } else {
                notes.append(Diagnostic.Note("- \(key): \(value.quoted)"))
            }
        }
        for (key, value) in right where !left.contains(where: { $0.key == key }) {
            notes.append(Diagnostic.Note("+ \(key): \(value.quoted)"))
        }
        return notes
    }

    func sourceText(_ span: SourceSpan) -> String {
        sources.file(span.file)?.text(of: span) ?? ""
    }

    /// `expect error [CODE]: STMT` / `{ … }`. Passes when the body fails with a Flex API error
    /// (with that code, when given); `it` becomes `errorValue(error)`. A runtime error
    /// (not from the API) passes only `expect error runtime_error`; otherwise it stops the run
    /// as usual, so a typo inside the body never counts as the expected failure.
    func expectError(code: Identifier?, body: Block, statementSpan: SourceSpan, in scope: Scope) async throws {
        let wanted = code?.name
        do {
            _ = try await executeStatements(body.statements, in: Scope(parent: scope))
        } catch let failure as ScriptFailure {
            switch failure.kind {
            case .api(let error):
                if let wanted, wanted != error.code {
                    throw ScriptFailure(.expectation, .error(
                        "expected error '\(wanted)', got '\(error.code)'", at: body.span,
                        notes: [Diagnostic.Note("expected: \(wanted)"),
                                Diagnostic.Note("actual:   \(error.code): \(error.message) (HTTP \(error.status))")]))
                }
                it = Interpreter.errorValue(error)
                return
            case .runtime:
                guard wanted == Interpreter.runtimeErrorCode else { throw failure }
                it = Interpreter.errorValue(FlexError(status: 0, code: Interpreter.runtimeErrorCode, message: failure.diagnostic.message))
                return
            case .expectation, .interrupted:
                throw failure
            }
        }
        let headline = wanted.map { "expected error '\($0)', but the command succeeded" } ?? "expected an error, but the command succeeded"
        throw ScriptFailure(.expectation, .error(headline, at: body.span))
    }

    /// The record `it` holds after `expect error`: everything Flex's error body says, with null
    /// for what it left out, so `it.decline_code` reads the same whether or not it was sent.
    static func errorValue(_ error: FlexError) -> Value {
        .record(Record([("code", .string(error.code)), ("message", .string(error.message)), ("status", .integer(error.status)),
                        ("decline_code", error.declineCode.map(Value.string) ?? .null),
                        ("param", error.param.map(Value.string) ?? .null)]))
    }

    /// The code `expect error` gives a runtime (non-API) error.
    static let runtimeErrorCode = "runtime_error"

    /// `wait until COND [every D] [timeout D]`: polls COND; between polls the simulator's clock
    /// moves `every` (default 1s) forward, so waiting is instant and deterministic. A backend
    /// without the simulator's clock is waited on for real.
    func waitUntil(_ condition: Expression, every: Expression?, timeout: Expression?, span: SourceSpan, in scope: Scope) async throws {
        let interval = try await durationSeconds(every, default: 1, in: scope)
        let limit = try await durationSeconds(timeout, default: 30, in: scope)
        guard interval > 0 else {
            throw ScriptFailure.runtime("the poll interval must be positive", at: every?.span ?? span)
        }
        var waited = 0
        var realClock = false
        while true {
            try checkBudget(span)
            if try await evaluate(condition, in: scope).isTruthy { return }
            guard waited < limit else {
                throw ScriptFailure.runtime("timed out after \(Value.durationText(limit)) waiting until \(sourceText(condition.span))",
                                            at: condition.span, help: "give it longer with 'timeout', e.g. timeout 5m")
            }
            let step = min(interval, limit - waited)
            if realClock {
                try sleep(seconds: step, span: span)
            } else {
                let response = try await exchange(SimulatorRequests.advanceClock(seconds: step), span: span)
                if !response.isSuccess {
                    if Interpreter.isMissingSimulatorRoute(response) {
                        realClock = true
                        try sleep(seconds: step, span: span)
                    } else {
                        throw apiFailure(FlexError(response: response), span: span, command: nil)
                    }
                }
            }
            waited += step
        }
    }

    func durationSeconds(_ expression: Expression?, default fallback: Int, in scope: Scope) async throws -> Int {
        guard let expression else { return fallback }
        switch try await evaluate(expression, in: scope) {
        case .duration(let seconds): return seconds
        case .integer(let seconds): return seconds
        case let other:
            throw ScriptFailure.runtime("expected a duration such as 30s or 5m, got \(other.kindDescription)", at: expression.span)
        }
    }}
