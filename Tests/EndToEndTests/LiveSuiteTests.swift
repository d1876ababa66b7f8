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

    @Test("--sandbox NAME and --sandbox default keep what a run made, for the next run and for flex trigger")
    func aKeptSandboxOutlivesTheRun() throws {
        let server = try ServeProcess()
        let live = ["--backend", "live", "--base-url", server.baseURL]
        let count = "let all = api GET \"/v1/customers\"\nprint len(all)\n"
        func run(_ options: [String], _ script: String) throws -> ProcessResult {
            try Flex.run(["run"] + live + options + ["-"], stdin: script, environment: liveEnvironment)
        }
        let seeded = try run(["--sandbox", "worker-1"], "customer create email \"seeded@example.com\"\n")
        #expect(seeded.exitCode == 0, "\(seeded.stderr)")
        #expect(seeded.stderr.contains("sandbox worker-1"))
        #expect(try run(["--sandbox", "worker-1"], count).stdoutLines.last == "1")
        // Other sandboxes, the server's own world and a default run (a fresh sandbox) see nothing of it.
        #expect(try run(["--sandbox", "worker-2"], count).stdoutLines.last == "0")
        #expect(try run([], count).stdoutLines.last == "0")
        #expect(try run(["--sandbox", "default"], count).stdoutLines.last == "0")
        _ = try run(["--sandbox", "default"], "customer create email \"shop@example.com\"\n")
        #expect(try run(["--sandbox", "default"], count).stdoutLines.last == "1")
        // flex trigger emits into a worker's sandbox too.
        let triggered = try Flex.run(["trigger", "customer.created", "--base-url", server.baseURL, "--sandbox", "worker-1"], environment: liveEnvironment)
        #expect(triggered.exitCode == 0, "\(triggered.stderr)")
        #expect(try run(["--sandbox", "worker-1"], count).stdoutLines.last == "2")

        let embedded = try Flex.run(["run", "--sandbox", "worker-1", "-"], stdin: count)
        #expect(embedded.exitCode == 1)
        #expect(embedded.stderr.contains("--sandbox worker-1 needs --backend live"))
        let test = try Flex.run(["test"] + live + ["--sandbox", "worker-1", "examples/quickstart.flex"], environment: liveEnvironment)
        #expect(test.stderr.contains("flex test gives every case a sandbox of its own"))
    }
}
