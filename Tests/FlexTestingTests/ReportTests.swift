// The reports: JUnit validated structurally (well-formed, required elements and attributes,
// counts that match), TAP 13, NDJSON events with locations and values.
import FlexAPI
import FlexInterpreter
@testable import FlexTesting
import Testing

@Suite struct ReportTests {
    @Test func junitIsValidAndCountsMatch() async throws {
        let run = await Fixtures.run([Fixtures.directory])
        let xml = JUnitReport.render(run.summary)
        let root = try XMLChecker.parse(xml)
        #expect(root.name == "testsuites")
        let suites = root.all("testsuite")
        #expect(suites.count == 6)
        var totalTests = 0, totalFailures = 0, totalErrors = 0
        for suite in suites {
            for attribute in ["name", "tests", "failures", "errors", "skipped", "time"] {
                #expect(suite.attributes[attribute] != nil, "testsuite lacks \(attribute)")
            }
            let cases = suite.all("testcase")
            #expect(Int(suite.attributes["tests"] ?? "") == cases.count)
            let failures = cases.filter { !$0.all("failure").isEmpty }.count
            let errors = cases.filter { !$0.all("error").isEmpty }.count
            #expect(Int(suite.attributes["failures"] ?? "") == failures)
            #expect(Int(suite.attributes["errors"] ?? "") == errors)
            for testCase in cases {
                #expect(testCase.attributes["classname"] == suite.attributes["name"])
                #expect(testCase.attributes["name"]?.isEmpty == false)
                let time = testCase.attributes["time"] ?? ""
                #expect(time.split(separator: ".").count == 2 && time.allSatisfy { $0.isNumber || $0 == "." }, "time \(time)")
                for problem in testCase.all("failure") + testCase.all("error") {
                    #expect(problem.attributes["message"] != nil && problem.attributes["type"] != nil)
                    // message carries file:line; the body is the rendered diagnostic with its caret.
                    #expect(problem.attributes["message"]?.contains(".flex:") == true)
                    #expect(problem.text.contains("^"))
                }
            }
            totalTests += cases.count
            totalFailures += failures
            totalErrors += errors
        }
        #expect(Int(root.attributes["tests"] ?? "") == totalTests)
        #expect(Int(root.attributes["failures"] ?? "") == totalFailures)
        #expect(Int(root.attributes["errors"] ?? "") == totalErrors)
        #expect(totalTests == 13 && totalFailures == 2 && totalErrors == 3)
        // classname = file, name = scenario.
        let assertions = try #require(suites.first { $0.attributes["name"]?.hasSuffix("failing/assertions.flex") == true })
        let wrong = try #require(assertions.all("testcase").first { $0.attributes["name"] == "wrong email" })
        let failure = try #require(wrong.all("failure").first)
        #expect(failure.attributes["type"] == "assertion")
        #expect(failure.attributes["message"]?.hasSuffix("failing/assertions.flex:9: expectation failed: c.email == \"b@b.co\"") == true)
        #expect(failure.text.contains("= note: left:  \"a@b.co\""))
    }

    @Test func junitEscapesEverything() throws {
        let nasty = "a<b>&\"q\" 'x'\u{1}\ttab"
        let testCase = TestCase(file: "d<ir>/f&.flex", scenario: nasty, statementIndex: 0, line: 1)
        let detail = FailureDetail(message: nasty, file: "f.flex", line: 1, column: 1, rendered: "error: \(nasty)\n]]>")
        let summary = TestRunSummary(results: [TestResult(testCase: testCase, status: .failed, failure: detail)], broken: [])
        let root = try XMLChecker.parse(JUnitReport.render(summary))
        let element = try #require(root.all("testsuite").first?.all("testcase").first)
        #expect(element.attributes["name"] == "a<b>&\"q\" 'x'\ttab")
        #expect(element.attributes["classname"] == "d<ir>/f&.flex")
        #expect(element.all("failure").first?.text == "error: a<b>&\"q\" 'x'\ttab\n]]>")
        #expect(JUnitReport.seconds(1_234_567_890) == "1.234")
        #expect(JUnitReport.seconds(5_000_000) == "0.005")
    }

    @Test func tapVersion13() async {
        let run = await Fixtures.run([Fixtures.directory])
        let lines = run.tap.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "TAP version 13")
        #expect(lines[1] == "1..13")
        let results = lines.filter { $0.hasPrefix("ok ") || $0.hasPrefix("not ok ") }
        #expect(results.count == 13)
        #expect(results.filter { $0.hasPrefix("not ok") }.count == 5)
        // Numbers run 1…13 in the order results arrive.
        for (index, line) in results.enumerated() {
            let number = line.hasPrefix("ok ") ? line.dropFirst(3) : line.dropFirst(7)
            #expect(number.hasPrefix("\(index + 1) - "), "\(line)")
        }
        #expect(run.tap.contains("  ---\n  message: \"expectation failed: c.email == \\\"b@b.co\\\"\"\n  severity: fail\n"))
        #expect(run.tap.hasSuffix("# 8 passed, 5 failed\n"))
    }

    @Test func ndjsonEvents() async throws {
        let run = await Fixtures.run([Fixtures.directory])
        var events: [JSONObject] = []
        for line in run.json.split(separator: "\n") {
            guard case .object(let object) = try JSON.parse(String(line)) else {
                Issue.record("not an object: \(line)")
                continue
            }
            events.append(object)
        }
        func named(_ name: String) -> [JSONObject] { events.filter { $0["event"] == .string(name) } }
        #expect(named("run_started").count == 1)
        #expect(named("case_started").count == 12)
        #expect(named("case_finished").count == 12)
        #expect(named("file_error").count == 1)
        #expect(named("assertion_failed").count == 2)
        #expect(named("error").count == 2)
        for finished in named("case_finished") {
            #expect(finished["status"]?.stringValue != nil)
            if case .integer(let ms)? = finished["duration_ms"] { #expect(ms >= 0) } else { Issue.record("no duration_ms") }
            #expect(finished["created_objects"] == .array([]))
        }
        let wrong = try #require(named("assertion_failed").first { $0["id"]?.stringValue?.hasSuffix("::wrong email") == true })
        #expect(wrong["line"] == .integer(9))
        #expect(wrong["column"] == .integer(10))
        #expect(wrong["left"] == .string("\"a@b.co\""))
        #expect(wrong["right"] == .string("\"b@b.co\""))
        #expect(wrong["file"]?.stringValue?.hasSuffix("failing/assertions.flex") == true)
        let last = try #require(events.last)
        #expect(last["event"] == .string("run_finished"))
        #expect(last["passed"] == .integer(8))
        #expect(last["failed"] == .integer(5))
        #expect(last["exit_code"] == .integer(2))
    }
}
