// CLI edges: serve ports out of range, --var on run/check/test/repl with name checks and the
// var() default, and the include messages for interpolated paths and directories.
import FlexTestSupport
import Testing

@Suite("CLI edges")
struct CLIEdgeTests {
    @Test("flex serve refuses a port outside 0-65535 with exit 1", arguments: ["70000", "65536", "-1"])
    func servePortOutOfRange(port: String) throws {
        let result = try Flex.run(["serve", "--port", port, "--quiet"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("--port must be 0 to 65535 (0 picks a free port), got \(port)"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("--var refuses reserved words and it, on every command", arguments: ["run", "check", "test", "repl"])
    func varNamesAreChecked(command: String) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        // The REPL reads its entries from stdin; the others take the script as an argument.
        let script = command == "repl" ? [] : [try scratch.write("s.flex", "print 1\n")]
        let reserved = try Flex.run([command, "--var", "let=3"] + script, stdin: "")
        #expect(reserved.exitCode == 1)
        #expect(reserved.stderr.contains("--var cannot bind 'let': it is a reserved word"), "\(reserved.stderr)")
        let it = try Flex.run([command, "--var", "it=x"] + script, stdin: "")
        #expect(it.exitCode == 1)
        #expect(it.stderr.contains("--var cannot bind 'it'"), "\(it.stderr)")
        let malformed = try Flex.run([command, "--var", "1x=2"] + script, stdin: "")
        #expect(malformed.exitCode == 1)
        #expect(malformed.stderr.contains("--var expects NAME=VALUE"), "\(malformed.stderr)")
    }

    @Test("var() reads a --var or its default; flex check explains a var without either")
    func varBuiltinAndCheck() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let defaulted = try scratch.write("defaulted.flex", "print var(\"email\", \"a@b.co\")\n")
        let required = try scratch.write("required.flex", "let n = var(\"count\")\nprint n + 1\n")
        #expect(try Flex.run(["check", defaulted]).exitCode == 0)
        #expect(try Flex.run(["run", defaulted]).stdout == "a@b.co\n")
        #expect(try Flex.run(["run", "--var", "email=x@y.z", defaulted]).stdout == "x@y.z\n")

        let unset = try Flex.run(["check", required])
        #expect(unset.exitCode == 2)
        #expect(unset.stderr.contains("var(\"count\") has no value: no --var count=… was given and it has no default"), "\(unset.stderr)")
        #expect(unset.stderr.contains("pass --var count=VALUE, or give a default: var(\"count\", …)"))
        #expect(try Flex.run(["check", "--var", "count=4", required]).exitCode == 0)
        #expect(try Flex.run(["run", "--var", "count=4", required]).stdout == "5\n")
        let tested = try Flex.run(["test", "--var", "count=4", required])
        #expect(tested.exitCode == 0, "\(tested.stdout)\(tested.stderr)")
        #expect(try Flex.run(["test", required]).exitCode == 2)
        let repl = try Flex.run(["repl", "--var", "count=9"], stdin: "var(\"count\")\n")
        #expect(repl.stdout.contains("9"), "\(repl.stdout)\(repl.stderr)")
    }

    @Test("an interpolated include path is one clear error; including a directory says so")
    func includeMessages() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let interpolated = try scratch.write("i.flex", "let x = \"lib\"\ninclude \"${x}.flex\"\n")
        let result = try Flex.run(["check", interpolated])
        #expect(result.exitCode == 2)
        #expect(!result.stderr.contains("cannot find included file ''"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "error:", omittingEmptySubsequences: false).count == 2, "\(result.stderr)")
        let directoryScript = try scratch.write("d.flex", "include \".\"\n")
        let directory = try Flex.run(["check", directoryScript])
        #expect(directory.exitCode == 2)
        #expect(directory.stderr.contains("cannot include '.': it is a directory"), "\(directory.stderr)")
        #expect(!directory.stderr.contains("cannot find"))
    }
}
