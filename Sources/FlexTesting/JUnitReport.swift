// `--junit FILE`: the JUnit XML CI servers read. One <testsuite> per file, one <testcase> per
// scenario (classname = file, name = scenario), <failure> for a failed expect, <error> for a
// runtime/API error, a timeout, a file that does not parse or a case a signal stopped
// (message "interrupted"), <skipped/> for a case not run (after --bail or a signal).

public enum JUnitReport {
    /// The whole document for a run. Cases keep discovery order, so only `time` varies between runs.
    public static func render(_ summary: TestRunSummary) -> String {
        var suites: [(file: String, cases: [TestResult], broken: BrokenFile?)] = []
        var position: [String: Int] = [:]
        for broken in summary.broken {
            position[broken.file] = suites.count
            suites.append((broken.file, [], broken))
        }
        for result in summary.results {
            if let index = position[result.testCase.file] {
                suites[index].cases.append(result)
            } else {
                position[result.testCase.file] = suites.count
                suites.append((result.testCase.file, [result], nil))
            }
        }
        let totalTime = summary.results.reduce(Int64(0)) { $0 + $1.durationNanoseconds }
        let failures = summary.results.count { $0.status == .failed }
        let errors = summary.results.count { $0.status == .errored || $0.status == .interrupted } + summary.broken.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"flex test\" tests=\"\(summary.results.count + summary.broken.count)\" failures=\"\(failures)\""
            + " errors=\"\(errors)\" skipped=\"\(summary.skipped)\" time=\"\(seconds(totalTime))\">\n"
        for (index, suite) in suites.enumerated() {
            let tests = suite.cases.count + (suite.broken == nil ? 0 : 1)
            let suiteFailures = suite.cases.count { $0.status == .failed }
            let suiteErrors = suite.cases.count { $0.status == .errored || $0.status == .interrupted } + (suite.broken == nil ? 0 : 1)
            let suiteSkipped = suite.cases.count { $0.status == .skipped }
            let time = suite.cases.reduce(Int64(0)) { $0 + $1.durationNanoseconds }
            xml += "  <testsuite name=\"\(escape(suite.file))\" id=\"\(index)\" tests=\"\(tests)\" failures=\"\(suiteFailures)\""
                + " errors=\"\(suiteErrors)\" skipped=\"\(suiteSkipped)\" time=\"\(seconds(time))\">\n"
            if let broken = suite.broken {
                xml += "    <testcase classname=\"\(escape(suite.file))\" name=\"(file does not parse)\" time=\"0.000\">\n"
                xml += "      <error message=\"\(escape(location(broken.failure)) + ": " + escape(broken.failure.message))\" type=\"parse\">"
                    + escape(broken.failure.rendered) + "</error>\n"
                xml += "    </testcase>\n"
            }
            for result in suite.cases {
                let name = result.testCase.scenario ?? result.testCase.file
                xml += "    <testcase classname=\"\(escape(suite.file))\" name=\"\(escape(name))\" time=\"\(seconds(result.durationNanoseconds))\">\n"
                switch result.status {
                case .passed: break
                case .skipped: xml += "      <skipped message=\"\(escape(result.skipReason.message))\"/>\n"
                case .interrupted:
                    xml += "      <error message=\"interrupted\" type=\"interrupted\">" + escape(result.failure?.rendered ?? "") + "</error>\n"
                case .failed, .errored:
                    let element = result.status == .failed ? "failure" : "error"
                    let type = result.status == .failed ? "assertion" : "runtime"
                    if let failure = result.failure {
                        xml += "      <\(element) message=\"\(escape(location(failure)) + ": " + escape(failure.message))\" type=\"\(type)\">"
                            + escape(failure.rendered) + "</\(element)>\n"
                    } else {
                        xml += "      <\(element) message=\"failed\" type=\"\(type)\"/>\n"
                    }
                }
                if !result.output.isEmpty { xml += "      <system-out>" + escape(result.output) + "</system-out>\n" }
                xml += "    </testcase>\n"
            }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }

    static func location(_ failure: FailureDetail) -> String {
        "\(failure.file):\(failure.line)"
    }

    /// Seconds with millisecond precision, from integer nanoseconds (no floating point).
    static func seconds(_ nanoseconds: Int64) -> String {
        let milliseconds = max(0, nanoseconds / 1_000_000)
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// Text and attribute escaping. Characters XML 1.0 forbids (most C0 controls) are dropped;
    /// ANSI colour is never in reports because they render without colour.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n": result += "&#10;"
            case "\t": result += "&#9;"
            case "\r": result += "&#13;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// Collects the run and writes the JUnit file when it ends.
public final class JUnitReporter: TestReporter {
    public let path: String
    /// Why the file could not be written, if it could not.
    public private(set) var writeError: String?

    public init(path: String) {
        self.path = path
    }

    public func runFinished(_ summary: TestRunSummary) {
        writeError = TestFileSystem.write(JUnitReport.render(summary), to: path)
    }
}
