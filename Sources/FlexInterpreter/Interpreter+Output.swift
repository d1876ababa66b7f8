// What statements write: text on stdout, or with `--json` self-describing lines (JSONLineWriter).
import FlexLanguage

extension Interpreter {
    /// `print` and `show`: the text, or with `--json` a line that says which statement wrote it.
    func emitText(_ text: String, from type: String, at span: SourceSpan) {
        if let jsonLines {
            jsonLines.text(type, text, at: span, scenario: currentScenario)
        } else {
            output.write(text + "\n", to: .standardOutput)
        }
    }

    /// With `--json`, a top-level statement's value (`it`, which every such statement sets) as a
    /// "value" line.
    func emitValue(topLevel: Bool, at span: SourceSpan) {
        guard topLevel, let jsonLines else { return }
        jsonLines.value(it, at: span, scenario: currentScenario)
    }

    /// Runs an `expect` or `expect error`; with `--json` it writes the "expect" line: passed, or
    /// failed with its message. A failure already written by an inner `expect` (inside a
    /// function or an `expect error` body) is not written again by the statements around it.
    func reportingExpectation(_ source: @autoclosure () -> String, at span: SourceSpan, _ check: () async throws -> Void) async throws {
        guard let jsonLines else { return try await check() }
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
