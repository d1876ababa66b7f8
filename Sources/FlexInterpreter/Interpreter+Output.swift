// What statements write: text on stdout, or with `--json` self-describing lines (JSONLineWriter).
import FlexLanguage
import FlexSync

extension Interpreter {
    /// `print` and `show`: the text, or with `--json` a line that says which statement wrote it.
    func emitText(_ text: String, from type: String, of statement: Statement) {
        if let jsonLines {
            jsonLines.text(type, text, at: statement.span, scenario: currentScenario)
        } else {
            output.write(SecretRedaction.scrub(text) + "\n", to: .standardOutput)
        }
    }

    /// With `--json`, a top-level statement's value (`it`, which every such statement sets) as a
    /// "value" line. Takes the statement, not its span: a span is looked up in the tree, and
    /// without `--json` nothing here should cost anything.
    func emitValue(of statement: Statement, topLevel: Bool) throws {
        guard topLevel, let jsonLines else { return }
        try Interpreter.checkRenderable(it, span: statement.span)
        jsonLines.value(it, at: statement.span, scenario: currentScenario)
    }

    /// Runs an `expect` or `expect error`; with `--json` it writes the "expect" line: passed, or
    /// failed with its message. A failure already written by an inner `expect` (inside a
    /// function or an `expect error` body) is not written again by the statements around it.
    func reportingExpectation(_ source: @autoclosure () -> String, of statement: Statement, _ check: () async throws -> Void) async throws {
        guard let jsonLines else { return try await check() }
        let span = statement.span
        do {
            try await check()
            jsonLines.expectation(source(), failure: nil, at: span, scenario: currentScenario)
        } catch var failure as ScriptFailure {
            if case .expectation = failure.kind, !failure.isWrittenAsJSON {
                failure.isWrittenAsJSON = true
                jsonLines.expectation(source(), failure: failure.diagnostic, at: span, scenario: currentScenario)
            }
            throw failure
        }
    }
}
