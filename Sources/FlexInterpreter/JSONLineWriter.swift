// `flex run --json`: one self-describing JSON object per line, so CI can consume a run without
// parsing text. Every line starts with type, file, line, column and scenario.
import FlexAPI
import FlexLanguage
import FlexSync

struct JSONLineWriter {
    let sources: SourceManager
    let output: OutputSink

    /// `{"type":"value",…,"value":V}`: a top-level expression statement, `let` or assignment.
    func value(_ value: Value, at span: SourceSpan, scenario: String?) {
        var line = header("value", at: span, scenario: scenario)
        line["value"] = value.json
        write(line)
    }

    /// `{"type":"print"|"show",…,"text":T}`: what the statement would have written as text.
    func text(_ type: String, _ text: String, at span: SourceSpan, scenario: String?) {
        var line = header(type, at: span, scenario: scenario)
        line["text"] = .string(text)
        write(line)
    }

    /// `{"type":"expect",…,"expectation":E,"passed":B}`; a failure adds its message and notes.
    func expectation(_ source: String, failure: Diagnostic?, at span: SourceSpan, scenario: String?) {
        var line = header("expect", at: span, scenario: scenario)
        line["expectation"] = .string(source)
        line["passed"] = .bool(failure == nil)
        if let failure {
            line["message"] = .string(failure.message)
            line["notes"] = .array(failure.notes.map { .string($0.message) })
        }
        write(line)
    }

    /// `{"type":"error",…,"kind":K,"code":C,"status":S,…}`: why a run or scenario stopped.
    /// `code` is the Flex error code for an API error, `runtime_error` for a runtime one, null
    /// otherwise; `status` is the HTTP status of an API error, else null.
    func error(_ failure: ScriptFailure, scenario: String?, fallbackFile: String?) {
        let kind: String
        var code: JSON = .null
        var status: JSON = .null
        var declineCode: JSON = .null
        switch failure.kind {
        case .runtime:
            kind = "runtime"
            code = .string(Interpreter.runtimeErrorCode)
        case .api(let error):
            kind = "api"
            code = .string(error.code)
            status = .integer(error.status)
            declineCode = error.declineCode.map(JSON.string) ?? .null
        case .expectation:
            kind = "expectation"
        case .interrupted(let cause):
            kind = cause == .timedOut ? "timeout" : "interrupted"
        }
        var line = diagnosticLine(failure.diagnostic, kind: kind, scenario: scenario, fallbackFile: fallbackFile)
        line["code"] = code
        line["status"] = status
        line["decline_code"] = declineCode
        appendDetails(of: failure.diagnostic, to: &line)
        write(line)
    }

    /// A parse or check error (nothing ran): `kind` is "check", `code` null.
    func checkError(_ diagnostic: Diagnostic, file: String) {
        var line = diagnosticLine(diagnostic, kind: "check", scenario: nil, fallbackFile: file)
        line["code"] = .null
        line["status"] = .null
        line["decline_code"] = .null
        appendDetails(of: diagnostic, to: &line)
        write(line)
    }

    private func diagnosticLine(_ diagnostic: Diagnostic, kind: String, scenario: String?, fallbackFile: String?) -> JSONObject {
        var line: JSONObject
        if let span = diagnostic.span {
            line = header("error", at: span, scenario: scenario)
        } else {
            line = ["type": "error", "file": fallbackFile.map(JSON.string) ?? .null, "line": .null, "column": .null,
                    "scenario": scenario.map(JSON.string) ?? .null]
        }
        line["kind"] = .string(kind)
        line["message"] = .string(diagnostic.message)
        return line
    }

    private func appendDetails(of diagnostic: Diagnostic, to line: inout JSONObject) {
        line["help"] = diagnostic.help.map(JSON.string) ?? .null
        line["notes"] = .array(diagnostic.notes.map { .string($0.message) })
    }

    /// type, file, line, column (1-based) and scenario: the start of every line, in this order.
    private func header(_ type: String, at span: SourceSpan, scenario: String?) -> JSONObject {
        let file = sources.file(span.file)
        let location = file?.location(of: span.start)
        return ["type": .string(type), "file": file.map { .string($0.path) } ?? .null,
                "line": location.map { .integer($0.line) } ?? .null, "column": location.map { .integer($0.column) } ?? .null,
                "scenario": scenario.map(JSON.string) ?? .null]
    }

    private func write(_ line: JSONObject) {
        output.write(SecretRedaction.scrub(JSON.object(line).serialized()) + "\n", to: .standardOutput)
    }
}
