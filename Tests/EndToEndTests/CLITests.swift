// End-to-end tests of the `flex` command line: exit codes, stdout/stderr, options, stdin,
// shebang scripts, --json, diagnostics styles, --var, determinism and colour.
import FlexTestSupport
import Testing

@Suite("Command line")
struct CLITests {
    // MARK: exit codes

    @Test("exit 0: a passing script prints its output")
    func exitSuccess() throws {
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        let script = try dir.write("ok.flex", """
            let c = customer create email "ok@example.com"
            expect c.email == "ok@example.com"
            print "hello", c.email
            """)
        let result = try Flex.run(["run", script])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "hello ok@example.com\n")
        #expect(result.stderr == "")
    }

    @Test("--version and version print the version and the Swift that built flex")
    func version() throws {
        let flag = try Flex.run(["--version"])
        let word = try Flex.run(["version"])
        #expect(flag.exitCode == 0 && word.exitCode == 0, "\(flag.stderr)\(word.stderr)")
        #expect(flag.stdout.hasPrefix("flex 0."), "\(flag.stdout)")
        #expect(flag.stdout.contains("(built with Swift 6."))
        #expect(flag.stdout.hasSuffix(")\n"))
        #expect(word.stdout == flag.stdout)
    }

    @Test("exit 1: an unknown option is a usage error")
    func exitUnknownOption() throws {
        let result = try Flex.run(["run", "--no-such-option", "examples/quickstart.flex"])
        #expect(result.exitCode == 1, "\(result.stderr)")
        #expect(result.stdout == "")
        #expect(result.stderr.contains("no-such-option"))
    }

    @Test("exit 1: a missing file is a usage error that names it")
    func exitMissingFile() throws {
        let result = try Flex.run(["run", "fixtures/does-not-exist.flex"])
        #expect(result.exitCode == 1, "\(result.stderr)")
        #expect(result.stderr.contains("fixtures/does-not-exist.flex"))
        #expect(result.stdout == "")
    }

    @Test("exit 1: no file at all is a usage error")
    func exitNoFile() throws {
        let result = try Flex.run(["run"])
        #expect(result.exitCode == 1, "\(result.stderr)")
    }

    @Test("exit 2: a parse error runs nothing and points at the line")
    func exitParseError() throws {
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        let script = try dir.write("bad.flex", "print \"runs?\"\nlet = 5\n")
        let result = try Flex.run(["run", script])
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(result.stdout == "", "nothing runs when parsing failed")
        #expect(result.stderr.contains("error: "))
        #expect(result.stderr.contains("--> \(script):2:"))
    }

    @Test("exit 2: a check error (unknown clause) with its suggestion")
    func exitCheckError() throws {
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        let script = try dir.write("typo.flex", "customer create emial \"a@b.co\"\n")
        let result = try Flex.run(["run", script])
        #expect(result.exitCode == 2, "\(result.stderr)")
        #expect(result.stderr.contains("error: unknown clause 'emial' for 'customer create'"))
        #expect(result.stderr.contains("--> \(script):1:17"))
        #expect(result.stderr.contains("help: did you mean 'email'?"))
    }

    @Test("exit 3: an API error names the code and the location")
    func exitAPIError() throws {
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        let script = try dir.write("api.flex", "print \"before\"\ncustomer get fcus_nobody\nprint \"after\"\n")
        let result = try Flex.run(["run", "--diagnostics", "short", script])
        #expect(result.exitCode == 3, "\(result.stderr)")
        #expect(result.stdout == "before\n")
        #expect(result.stderr.contains("\(script):2:1: error: "))
        #expect(result.stderr.contains("customer_not_found"))
    }

    @Test("exit 4: a failed expect shows both sides")
    func exitExpectFailed() throws {
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        let script = try dir.write("expect.flex", "let total = 2 + 2\nexpect total == 5\n")
        let result = try Flex.run(["run", script])
        #expect(result.exitCode == 4, "\(result.stderr)")
        #expect(result.stderr.contains("--> \(script):2:"))
        #expect(result.stderr.contains("total == 5"), "the expression: \(result.stderr)")
        #expect(result.stderr.contains("left:  4"), "the left side's value: \(result.stderr)")
        #expect(result.stderr.contains("right: 5"), "the right side's value: \(result.stderr)")
        #expect(result.stdout == "")
    }

    @Test("exit 4: a failed record comparison shows a field diff")
    func expectRecordDiff() throws {
        let result = try Flex.run(["run", "-"], stdin: "let r = {a: 1, b: \"x\", c: 3}\nexpect r == {a: 1, b: \"y\", c: 3}\n")
        #expect(result.exitCode == 4, "\(result.stderr)")
        #expect(result.stderr.contains("- b: \"x\""), "\(result.stderr)")
        #expect(result.stderr.contains("+ b: \"y\""), "\(result.stderr)")
        #expect(!result.stderr.contains("a: 1\n"), "unchanged fields stay out of the diff: \(result.stderr)")
    }

    @Test("exit 3: a missing field suggests the closest one, or names the fields that exist")
    func missingField() throws {
        let close = try Flex.run(["run", "-"], stdin: "let c = customer create email \"a@b.co\"\nprint c.emial\n")
        #expect(close.exitCode == 3, "\(close.stderr)")
        #expect(close.stderr.contains("no field 'emial'"), "\(close.stderr)")
        #expect(close.stderr.contains("did you mean 'email'?"), "\(close.stderr)")
        let far = try Flex.run(["run", "-"], stdin: "let r = {a: 1, b: 2}\nprint r.zzz\n")
        #expect(far.exitCode == 3, "\(far.stderr)")
        #expect(far.stderr.contains("a, b"), "the fields that exist: \(far.stderr)")
    }

    // MARK: help and subcommands

    @Test("--help lists the subcommands and exits 0")
    func help() throws {
        let result = try Flex.run(["--help"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let text = result.stdout + result.stderr
        #expect(text.contains("run"))
        #expect(text.contains("check"))
        #expect(text.contains("Exit codes: 0 ok, 1 usage"), "the exit codes are part of the help: \(text)")
        let runHelp = try Flex.run(["run", "--help"])
        #expect(runHelp.exitCode == 0)
        let runText = runHelp.stdout + runHelp.stderr
        #expect(runText.contains("--seed"))
        #expect(runText.contains("--json"))
        #expect(runText.contains("--diagnostics"))
    }

    @Test("flex check parses and checks without running")
    func check() throws {
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        // Valid syntax that would fail at run time: check must not run it.
        let fine = try dir.write("fine.flex", "print \"ran\"\ncustomer get fcus_nobody\nexpect 1 == 2\n")
        let ok = try Flex.run(["check", fine])
        #expect(ok.exitCode == 0, "\(ok.stderr)")
        #expect(!ok.stdout.contains("ran"))
        let bad = try dir.write("bad.flex", "customer create emial \"x\"\nprint nope\n")
        let failed = try Flex.run(["check", "--diagnostics", "short", bad])
        #expect(failed.exitCode == 2)
        #expect(failed.stderr.contains("\(bad):1:17: error: unknown clause 'emial'"))
        #expect(failed.stderr.contains("\(bad):2:7: error: "), "every error is reported")
    }

    @Test("flex check accepts several files and the examples all check")
    func checkExamples() throws {
        let examples = ScriptCorpus.collect("examples", recursive: false)
        #expect(examples.count >= 8)
        let result = try Flex.run(["check"] + examples)
        #expect(result.exitCode == 0, "\(result.stderr)")
    }

    @Test("flex run runs several files in order")
    func severalFiles() throws {
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        let first = try dir.write("first.flex", "print \"first\"\n")
        let second = try dir.write("second.flex", "print \"second\"\n")
        let result = try Flex.run(["run", first, second])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "first\nsecond\n")
    }

    @Test("flex run - reads the script from stdin")
    func runStdin() throws {
        let result = try Flex.run(["run", "-"], stdin: "let x = 20 + 1\nprint \"from stdin\", x\n")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "from stdin 21\n")
    }

    @Test("flex with no arguments runs a script piped to it (the REPL is for terminals)")
    func pipedScript() throws {
        let result = try Flex.run([], stdin: "let n = 6 * 7\nprint \"piped\", n\n")
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "piped 42\n")
    }

    @Test("flex FILE.flex is shorthand for flex run FILE.flex")
    func shorthand() throws {
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        let script = try dir.write("short.flex", "print \"shorthand\"\n")
        let result = try Flex.run([script])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "shorthand\n")
    }

    @Test("an executable script with #!/usr/bin/env -S flex run runs")
    func shebang() throws {
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        let script = try dir.write("tool.flex", """
            #!/usr/bin/env -S flex run
            let p = product "Thermometer" eligible price $24.99
            print "shebang", p.unit_amount
            """, executable: true)
        let path = ProcessRunner.environmentValue("PATH") ?? "/usr/bin:/bin"
        let result = try ProcessRunner.run(
            script, [], environment: ["PATH": Flex.binaryDirectory + ":" + path, "NO_COLOR": "1"], directory: dir.path)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "shebang 2499\n")
    }

    // MARK: output formats

    @Test("--json writes one JSON document per evaluated statement")
    func json() throws {
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        let script = try dir.write("json.flex", """
            let c = customer create email "json@example.com"
            1 + 2
            "text"
            [1, {a: null}]
            c.email
            """)
        let result = try Flex.run(["run", "--json", script])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let lines = result.stdoutLines
        #expect(lines.count >= 4, "\(result.stdout)")
        for line in lines {
            #expect(JSONShape.isValid(line), "not one compact JSON document: \(line)")
            #expect(!line.contains("\n"))
        }
        // Every line says what it is and where it comes from.
        let at = { (line: Int) in "{\"type\":\"value\",\"file\":\"\(script)\",\"line\":\(line),\"column\":1,\"scenario\":null,\"value\":" }
        #expect(lines.contains(at(2) + "3}"))
        #expect(lines.contains(at(3) + "\"text\"}"))
        #expect(lines.contains(at(4) + "[1,{\"a\":null}]}"))
        #expect(lines.contains(at(5) + "\"json@example.com\"}"))
        #expect(lines.contains { $0.hasPrefix(at(1) + "{\"customer_id\":\"fcus_") })
    }

    @Test("--diagnostics short is one line; full has the --> line, the source and a caret")
    func diagnosticsStyles() throws {
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        let script = try dir.write("diag.flex", "\n\ncustomer create emial \"a@b.co\"\n")
        let short = try Flex.run(["run", "--diagnostics", "short", script])
        #expect(short.exitCode == 2)
        #expect(short.stderrLines.contains("\(script):3:17: error: unknown clause 'emial' for 'customer create'"))
        #expect(!short.stderr.contains(" --> "))

        let full = try Flex.run(["run", script])
        #expect(full.exitCode == 2)
        let lines = full.stderrLines
        #expect(lines.contains("error: unknown clause 'emial' for 'customer create'"), "\(full.stderr)")
        #expect(lines.contains(" --> \(script):3:17"), "indented like the example in common.md: \(full.stderr)")
        #expect(lines.contains("3 | customer create emial \"a@b.co\""), "\(full.stderr)")
        #expect(lines.contains("  |                 ^^^^^"), "caret under 'emial': \(full.stderr)")
        #expect(lines.contains("  = help: did you mean 'email'?"), "\(full.stderr)")
    }

    @Test("--var NAME=VALUE binds a string variable")
    func variables() throws {
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        let script = try dir.write("vars.flex", "print \"hello ${who}\", shop\n")
        let result = try Flex.run(["run", "--var", "who=world", "--var", "shop=Example Pharmacy", script])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout == "hello world Example Pharmacy\n")
        let bad = try Flex.run(["run", "--var", "novalue", script])
        #expect(bad.exitCode == 1, "a --var without = is a usage error")
    }

    // MARK: determinism and colour

    @Test("the same seed gives byte-identical output; another seed gives other IDs")
    func determinism() throws {
        let script = "examples/quickstart.flex"
        let ids = """
            let c = customer create email "d@example.com"
            let p = product "Thermometer" eligible price $24.99
            let s = checkout items [p x2] customer c
            print c.id, p.id, s.id, s.created_at, c.created_at
            """
        let first = try Flex.run(["run", "--seed", "42", script])
        let second = try Flex.run(["run", "--seed", "42", script])
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stdout == second.stdout)
        #expect(!first.stdout.isEmpty)

        let a = try Flex.run(["run", "--seed", "42", "-"], stdin: ids)
        let b = try Flex.run(["run", "--seed", "42", "-"], stdin: ids)
        let c = try Flex.run(["run", "--seed", "7", "-"], stdin: ids)
        let defaultSeed = try Flex.run(["run", "-"], stdin: ids)
        #expect(a.exitCode == 0, "\(a.stderr)")
        #expect(a.stdout == b.stdout)
        #expect(a.stdout == defaultSeed.stdout, "the default seed is 42")
        #expect(c.exitCode == 0)
        #expect(a.stdout != c.stdout)
        let idsA = a.stdout.split(separator: " ").prefix(3)
        let idsC = c.stdout.split(separator: " ").prefix(3)
        for (x, y) in zip(idsA, idsC) { #expect(x != y, "seed 7 must give other IDs") }
    }

    @Test("no colour when stderr is not a terminal, nor with NO_COLOR")
    func noColour() throws {
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        let script = try dir.write("colour.flex", "customer create emial \"a@b.co\"\n")
        let plain = try Flex.run(["run", script], environment: ["NO_COLOR": nil, "TERM": "xterm-256color"])
        #expect(plain.exitCode == 2)
        #expect(!plain.stderr.contains("\u{1B}["), "escape codes in a pipe: \(plain.stderr)")
        let noColor = try Flex.run(["run", script], environment: ["NO_COLOR": "1", "TERM": "xterm-256color"])
        #expect(!noColor.stderr.contains("\u{1B}["))
        #expect(noColor.stderr == plain.stderr)
    }

    @Test("colour on a terminal, unless NO_COLOR is set")
    func colourOnTerminal() throws {
        let dir = try ScratchDirectory()
        defer { dir.remove() }
        let script = try dir.write("colour.flex", "customer create emial \"a@b.co\"\n")
        let environment: [String: String?] = ["NO_COLOR": nil, "TERM": "xterm-256color"]
        let coloured = try ProcessRunner.run(Flex.binary, ["run", script], environment: environment, directory: Flex.root, stderrIsTerminal: true)
        #expect(coloured.exitCode == 2)
        #expect(coloured.stderr.contains("unknown clause 'emial'"), "\(coloured.stderr)")
        #expect(coloured.stderr.contains("\u{1B}["), "a terminal gets colour: \(coloured.stderr)")
        let plain = try ProcessRunner.run(Flex.binary, ["run", script], environment: ["NO_COLOR": "1"], directory: Flex.root, stderrIsTerminal: true)
        #expect(plain.stderr.contains("unknown clause 'emial'"), "\(plain.stderr)")
        #expect(!plain.stderr.contains("\u{1B}["), "NO_COLOR wins over a terminal: \(plain.stderr)")
    }
}
