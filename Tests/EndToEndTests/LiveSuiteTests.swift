// The live path made whole: the corpus as one parallel `flex test --backend live` against ONE
// flex serve (a sandbox per case) gives the embedded run's per-case results; every example
// recorded against flex serve replays offline with the same output and exit code.
import FlexTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

let liveEnvironment: [String: String?] = ["FLEX_API_KEY": "fsk_test_parity00000000", "XDG_CONFIG_HOME": "/nonexistent", "CI": nil]

@Suite("Live suites: sandboxes per case, record and replay")
struct LiveSuiteTests {
    /// A JUnit report without its durations (the only part that differs between runs), its cases
    /// sorted so completion order does not matter.
    static func comparableJUnit(_ path: String) -> [String] {
        let text = (FileSystem.read(path) ?? "").replacing(#/ time="[0-9.]+"/#, with: "")
        return text.split(separator: "<testcase").dropFirst().map { chunk in
            String(chunk.split(separator: "</testsuite>", omittingEmptySubsequences: false).first ?? chunk)
        }.sorted()
    }

    @Test("every example and corpus script: flex test -j 4 live against one flex serve matches the embedded run per case")
    func parallelLiveSuiteMatchesEmbedded() throws {
        let server = try ServeProcess()
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let paths = ScriptCorpus.all
        let embeddedReport = scratch.path + "/embedded.xml", liveReport = scratch.path + "/live.xml"
        let embedded = try Flex.run(["test", "-j", "4", "--ci", "--diagnostics", "short", "--junit", embeddedReport] + paths,
                                    environment: ["CI": nil])
        let live = try Flex.run(["test", "-j", "4", "--ci", "--diagnostics", "short", "--junit", liveReport,
                                 "--backend", "live", "--base-url", server.baseURL] + paths, environment: liveEnvironment)
        #expect(live.exitCode == embedded.exitCode, "exit \(live.exitCode) live vs \(embedded.exitCode) embedded")
        #expect(live.stdoutLines.last == embedded.stdoutLines.last, "\(live.stdoutLines.last ?? "") vs \(embedded.stdoutLines.last ?? "")")
        let embeddedCases = Self.comparableJUnit(embeddedReport), liveCases = Self.comparableJUnit(liveReport)
        #expect(embeddedCases.count > 100)
        #expect(liveCases.count == embeddedCases.count)
        for (left, right) in zip(liveCases, embeddedCases) where left != right {
            Issue.record("a case differs live vs embedded:\n\(left)\n----\n\(right)")
            break
        }
        // Every case's sandbox was given back: the server holds only the listing run's own.
        let listed = try Flex.run(["run", "--backend", "live", "--base-url", server.baseURL, "-"],
                                  stdin: "let all = api GET \"/_sim/sandboxes\"\nprint len(all)\n", environment: liveEnvironment)
        #expect(listed.stdoutLines.last == "1", "\(listed.stdout)\(listed.stderr)")
    }

    @Test("each example recorded against flex serve replays offline with the same stdout and exit code")
    func recordThenReplayEveryExample() throws {
        let server = try ServeProcess()
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let examples = ScriptCorpus.collect("examples", recursive: false)
        #expect(examples.count >= 10)
        for (index, path) in examples.enumerated() {
            let recording = scratch.path + "/rec\(index).jsonl"
            let live = try Flex.run(["run", "--backend", "live", "--base-url", server.baseURL, "--record", recording, path],
                                    environment: liveEnvironment)
            let replayed = try Flex.run(["run", "--replay", recording, path], environment: ["FLEX_API_KEY": nil])
            #expect(replayed.exitCode == live.exitCode, "\(path): exit \(replayed.exitCode) replayed vs \(live.exitCode) recorded\n\(replayed.stderr)")
            #expect(replayed.stdout == live.stdout, "\(path): stdout differs\n\(replayed.stderr)")
            #expect(!(FileSystem.read(recording) ?? "").contains("parity00000000"), "\(path): the key reached the recording")
        }
    }

    @Test("a replay of a changed script names the first request it does not hold and what was recorded")
    func replayMismatchIsExplained() throws {
        let server = try ServeProcess()
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let original = try scratch.write("a.flex", "customer create email \"a@b.co\"\nproduct create name \"Gauze\"\n")
        let changed = try scratch.write("b.flex", "customer create email \"a@b.co\"\ncustomer create email \"other@b.co\"\n")
        let recording = scratch.path + "/rec.jsonl"
        let live = try Flex.run(["run", "--backend", "live", "--base-url", server.baseURL, "--record", recording, original],
                                environment: liveEnvironment)
        #expect(live.exitCode == 0, "\(live.stderr)")
        let replayed = try Flex.run(["run", "--replay", recording, changed])
        #expect(replayed.exitCode == 3)
        #expect(replayed.stderr.contains("request 2 (POST /v1/customers with body {\"customer\":{\"email\":\"other@b.co\"}}) is not in"),
                "\(replayed.stderr)")
        #expect(replayed.stderr.contains("the first recorded request not yet replayed is #2: POST /v1/products"), "\(replayed.stderr)")
        #expect(replayed.stderr.contains("record it again with --record"), "\(replayed.stderr)")
        #expect(!replayed.stderr.contains("check the network"))
    }

    @Test("examples/errors.flex gives the same output and exit code on both backends with default options")
    func injectedFaultsMeanTheSameWithRetries() throws {
        let server = try ServeProcess()
        let embedded = try Flex.run(["run", "examples/errors.flex"])
        let live = try Flex.run(["run", "--backend", "live", "--base-url", server.baseURL, "examples/errors.flex"], environment: liveEnvironment)
        #expect(embedded.exitCode == 0, "\(embedded.stderr)")
        #expect(live.exitCode == embedded.exitCode, "\(live.stderr)")
        #expect(live.stdout == embedded.stdout)
        // --retries means the same on both: it is accepted by the embedded simulator too.
        let noRetries = try Flex.run(["run", "--retries", "0", "examples/errors.flex"])
        #expect(noRetries.stdout == embedded.stdout)
    }
}
