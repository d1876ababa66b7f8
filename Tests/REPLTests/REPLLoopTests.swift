// The REPL loop through a scripted LineReader: echo, errors that leave the session intact,
// multi-line entries, Ctrl-C, dot-commands, and `.save` producing a script that replays.
import FlexAPI
import FlexInterpreter
import FlexLanguage
import FlexTestSupport
import Testing
@testable import FlexREPL
#if canImport(Glibc)
import Glibc
#endif

@Suite struct REPLLoopTests {
    func run(_ inputs: [LineInput]) async -> (out: String, err: String, reader: ScriptedLineReader, repl: REPL) {
        let reader = ScriptedLineReader(inputs)
        let output = CapturingOutputSink()
        let repl = REPL(reader: reader, output: output, configuration: .simulated())
        _ = await repl.run()
        return (output.standardOutput, output.standardError, reader, repl)
    }

    func lines(_ lines: [String]) -> [LineInput] { lines.map { .line($0) } }

    @Test func bannerNamesBackendSeedAndHelp() async {
        let result = await run([])
        let first = result.out.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.contains("embedded simulator"))
        #expect(first.contains("seed 42"))
        #expect(first.contains(".help"))
    }

    @Test func resultsEchoAsOneLineSummaries() async {
        let result = await run(lines([
            "let thermo = product \"Thermometer\" eligible price $24.99",
            "checkout items [thermo x2] success \"https://shop.example/ok\"",
            "1 + 2",
        ]))
        let out = result.out.split(separator: "\n").map(String.init)
        #expect(out.count == 4)
        #expect(out[1].hasPrefix("price fprice_"))
        #expect(out[1].contains("$24.99"))
        #expect(out[2].hasPrefix("checkout_session fcs_"))
        #expect(out[2].contains("open"))
        #expect(out[2].contains("$49.98"))
        #expect(out[3] == "3")
        #expect(result.err.isEmpty)
    }

    @Test func errorsRenderAgainstTheREPLAndTheSessionSurvives() async {
        let result = await run(lines([
            "let x = 41",
            "x +",
            "customer get fcus_missing",
            "print x + 1",
        ]))
        #expect(result.err.contains("--> <repl>:1:"))
        #expect(result.err.contains("customer_not_found"))
        #expect(result.out.hasSuffix("42\n"))
    }

    @Test func incompleteInputContinuesOnTheNextLine() async {
        let result = await run(lines(["let items = [", "  1,", "  2]", "print len(items)"]))
        #expect(result.reader.prompts == [REPL.prompt, REPL.continuationPrompt, REPL.continuationPrompt, REPL.prompt, REPL.prompt])
        #expect(result.out.hasSuffix("2\n"))
        #expect(result.reader.history.contains("let items = [\n  1,\n  2]"))
    }

    @Test func ctrlCDiscardsTheEntryEvenMidContinuation() async {
        let result = await run([.line("let x = ["), .interrupted, .line("print 7")])
        #expect(result.out.hasSuffix("7\n"))
        #expect(result.err.isEmpty)
        #expect(result.repl.interpreter.globalValue("x") == nil)
    }

    @Test func quitStopsReading() async {
        let result = await run(lines([".quit", "print 1"]))
        #expect(!result.out.contains("\n1\n"))
        #expect(result.reader.prompts.count == 1)
    }

    @Test func dotCommandsAnswer() async {
        let result = await run(lines([
            "let a = 1", ".vars", ".help", ".help checkout", ".backend", ".nope", ".json on", "a", ".seed 7", ".vars",
        ]))
        #expect(result.out.contains("a  1"))
        #expect(result.out.contains(".save FILE"))
        #expect(result.out.contains("items [PRICE xN, …] (required)"))
        #expect(result.out.contains("embedded simulator, seed 7"))
        #expect(result.out.contains("no variables yet"))
        #expect(result.err.contains("unknown command '.nope'"))
    }

    @Test func habitWordsPointToTheDotCommandsUnlessTheUserDefinedThem() async {
        let result = await run(lines(["exit", "quit", "\\q", "help", "let help = 5", "help", "def exit() { return 7 }", "exit()"]))
        let out = result.out.split(separator: "\n").map(String.init).dropFirst()
        #expect(Array(out) == [
            "to leave, type .quit (or press Ctrl-D)",
            "to leave, type .quit (or press Ctrl-D)",
            "to leave, type .quit (or press Ctrl-D)",
            "for help, type .help (or .help WORD for a command, e.g. .help checkout)",
            "5", "5", "7",
        ])
        #expect(result.err.isEmpty)
        #expect(result.reader.prompts.count == 9, "the session goes on")
    }

    @Test func aScenarioAtThePromptRunsOnAFreshSimulator() async {
        let result = await run(lines([
            "let mine = customer create email \"me@example.com\"",
            "scenario \"fresh\" { let c = customer create email \"a@b.co\"",
            "  expect len(customers) == 1 }",
            "scenario \"leans\" { print mine.email }",
            "print len(customers), mine.email",
        ]))
        #expect(result.out.contains("1 scenario run: 1 passed\n"))
        #expect(result.err.contains("'mine' is not defined"))
        #expect(result.err.contains("a scenario runs on a fresh simulator"))
        #expect(result.out.hasSuffix("1 me@example.com\n"), "the session's own state is untouched")
        #expect(result.repl.recorder.entries.count == 2, ".save leaves out entries with scenarios")
    }

    @Test func aScenarioAgainstASharedBackendSaysWhyItDoesNotRun() async {
        var configuration = RunConfiguration.simulated()
        configuration.backend = BackendDescription(kind: .liveAPI, displayName: "live API http://127.0.0.1:4010")
        let output = CapturingOutputSink()
        let reader = ScriptedLineReader(lines: ["scenario \"s\" { expect 1 == 1 }", "print 2"])
        _ = await REPL(reader: reader, output: output, configuration: configuration).run()
        let errors = output.standardError.split(separator: "\n")
        #expect(errors.count == 1)
        #expect(errors.first?.contains("scenarios did not run") == true)
        #expect(errors.first?.contains("live API http://127.0.0.1:4010") == true)
        #expect(!output.standardOutput.contains("scenario run"))
        #expect(output.standardOutput.hasSuffix("2\n"))
    }

    @Test func loadSaysWhatItRan() async throws {
        let path = "/tmp/flex-repl-load-\(getpid()).flex"
        defer { unlink(path) }
        let script = """
            let thermo = product "Thermometer" eligible price $24.99
            let n = 2
            print "setup"
            scenario "buys" { let s = checkout items [thermo x1]
              expect s.status == "open" }
            scenario "fails" { expect n == 3 }

            """
        #expect(FileIO.writeFile(path, script))
        let result = await run(lines([".load \(path)", "print n"]))
        #expect(result.out.contains("loaded \(path): 3 statements run, 2 scenarios run: 1 passed, 1 failed\n"))
        #expect(result.err.contains("in scenario \"fails\""))
        #expect(result.out.hasSuffix("2\n"), "the file's variables stay")
    }

    @Test func pipedFlexReplRunsDotCommands() throws {
        let binary = FileSystem.builtProductsDirectory + "/flex"
        let piped = try ProcessRunner.run(binary, ["repl"], stdin: ".help\nlet x = 6 * 7\nx\n.vars\n", environment: ["NO_COLOR": "1"])
        #expect(piped.exitCode == 0, "\(piped.stderr)")
        #expect(piped.stdout.contains(".save FILE"))
        #expect(piped.stdout.contains("x  42"))
        #expect(!piped.stdout.contains("flex>") && !piped.stdout.contains("type .help for help"), "no prompt or banner in a pipe")
        let failing = try ProcessRunner.run(binary, ["repl"], stdin: "expect 1 == 2\n.quit\n", environment: ["NO_COLOR": "1"])
        #expect(failing.exitCode == 4)
    }

    @Test func saveWritesAScriptThatReplaysWithVariablesForIDs() async throws {
        let path = "/tmp/flex-repl-save-\(getpid()).flex"
        defer { unlink(path) }
        let setup = [
            "customer create email \"ada@example.com\"",
            "let thermo = product \"Thermometer\" eligible price $24.99",
            "let s = checkout items [thermo x1] success \"https://shop.example/ok\"",
        ]
        // A first session shows the IDs a person would copy into later entries (seed 42 both times).
        let first = await run(lines(setup))
        let customerID = try #require(first.repl.seenIDs.first { $0.hasPrefix("fcus_") })
        let sessionID = try #require(first.repl.seenIDs.first { $0.hasPrefix("fcs_") })

        let second = await run(lines(setup + [
            "oops here",
            "customer get \(customerID)",
            "checkout get \(sessionID)",
            "pay s with card \"4242 4242 4242 4242\" hsa",
            ".save \(path)",
        ]))
        #expect(second.out.contains("saved 6 entries"))
        let saved = try #require(FileIO.read(path))
        #expect(saved.contains("let customer1 = customer create email \"ada@example.com\""))
        #expect(saved.contains("customer get customer1.id"))
        #expect(saved.contains("checkout get s.id"))
        #expect(!saved.contains("oops"))
        #expect(!saved.contains("fcus_") && !saved.contains("fcs_"))
        // The saved script runs cleanly with another seed: no literal IDs tie it to this session.
        let output = CapturingOutputSink()
        let code = await ScriptRunner(configuration: .simulated(seed: 99), output: output).run([.file(path)])
        #expect(code == 0, "\(output.standardError)")
    }
}
