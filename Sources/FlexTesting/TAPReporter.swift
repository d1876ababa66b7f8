// `--tap`: TAP version 13 on stdout; a failure's details in a YAML block.
import FlexInterpreter

public final class TAPReporter: TestReporter {
    let output: any OutputSink
    private var number = 0

    public init(output: any OutputSink) {
        self.output = output
    }

    public func runStarted(caseCount: Int, brokenCount: Int, jobs: Int, seed: UInt64) {
        write("TAP version 13\n1..\(caseCount + brokenCount)\n")
    }

    public func fileBroken(_ broken: BrokenFile) {
        number += 1
        write("not ok \(number) - \(TAPReporter.escape(broken.file)) (does not parse)\n")
        writeDetail(broken.failure, severity: "parse")
    }

    public func caseFinished(_ result: TestResult) {
        number += 1
        let name = TAPReporter.escape(result.testCase.displayName)
        switch result.status {
        case .passed: write("ok \(number) - \(name)\n")
        case .skipped: write("ok \(number) - \(name) # SKIP \(result.skipReason.message)\n")
        case .interrupted:
            write("not ok \(number) - \(name)\n")
            if let failure = result.failure { writeDetail(failure, severity: "interrupted") }
        case .failed, .errored:
            write("not ok \(number) - \(name)\n")
            if let failure = result.failure { writeDetail(failure, severity: result.status == .failed ? "fail" : "error") }
        }
    }

    public func runFinished(_ summary: TestRunSummary) {
        write("# \(summary.line)\n")
        output.flush()
    }

    private func writeDetail(_ failure: FailureDetail, severity: String) {
        var block = "  ---\n"
        block += "  message: \(TAPReporter.yamlString(failure.message))\n"
        block += "  severity: \(severity)\n"
        block += "  at: \(TAPReporter.yamlString("\(failure.file):\(failure.line):\(failure.column)"))\n"
        if let left = failure.left { block += "  found: \(TAPReporter.yamlString(left))\n" }
        if let right = failure.right { block += "  wanted: \(TAPReporter.yamlString(right))\n" }
        block += "  diagnostic: |\n"
        for line in failure.rendered.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            block += "    " + line + "\n"
        }
        block += "  ...\n"
        write(block)
    }

    /// `#` starts a directive in a test line; keep it literal.
    static func escape(_ name: String) -> String {
        name.replacing("\\", with: "\\\\").replacing("#", with: "\\#")
    }

    /// A double-quoted YAML scalar.
    static func yamlString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 { result += "\\x" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    private func write(_ text: String) { output.write(text, to: .standardOutput) }
}
