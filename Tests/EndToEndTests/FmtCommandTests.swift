// `flex fmt` through the built binary: in place (atomically, mode kept), standard input, --check's
// diff and exit code, directories, and scripts that do not parse (left alone, exit 2).
import FlexTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

@Suite("flex fmt")
struct FmtCommandTests {
    static let messy = "let a=1+2\nif a>2{print a}   # big\n\n\n\nprint  len( [a ,2] )\n"
    static let formatted = "let a = 1 + 2\nif a > 2 { print a } # big\n\nprint len([a, 2])\n"

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    @Test func formatsAFileInPlaceKeepingItsMode() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.write("a.flex", Self.messy)
        chmod(path, 0o751)
        let result = try Flex.run(["fmt", path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
        #expect(FileSystem.read(path) == Self.formatted)
        #expect(Self.mode(path) == 0o751)
        // No temporary file is left beside it.
        #expect(FileSystem.list(scratch.path) == ["a.flex"])
        // Formatting a formatted file changes nothing.
        #expect(try Flex.run(["fmt", path]).exitCode == 0)
        #expect(FileSystem.read(path) == Self.formatted)
    }

    @Test func standardInputGoesToStandardOutput() throws {
        let dash = try Flex.run(["fmt", "-"], stdin: Self.messy)
        #expect(dash.exitCode == 0)
        #expect(dash.stdout == Self.formatted)
        let bare = try Flex.run(["fmt"], stdin: Self.messy)
        #expect(bare.stdout == Self.formatted)
    }

    @Test func checkPrintsADiffAndChangesNothing() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let messy = try scratch.write("messy.flex", Self.messy)
        let clean = try scratch.write("clean.flex", Self.formatted)
        let result = try Flex.run(["fmt", "--check", clean, messy])
        #expect(result.exitCode == 1)
        #expect(FileSystem.read(messy) == Self.messy)
        let diff = ["--- \(messy)", "+++ \(messy) (formatted)", "@@ -1,6 +1,4 @@",
                    "-let a=1+2", "-if a>2{print a}   # big", "-", "-",
                    "+let a = 1 + 2", "+if a > 2 { print a } # big", " ",
                    "-print  len( [a ,2] )", "+print len([a, 2])"]
        #expect(result.stdout == diff.joined(separator: "\n") + "\n")
        let ok = try Flex.run(["fmt", "--check", clean])
        #expect(ok.exitCode == 0 && ok.stdout.isEmpty)
    }

    @Test func aDirectoryMeansEveryScriptUnderIt() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let script = try scratch.write("one.flex", Self.messy)
        let notes = try scratch.write("notes.txt", "let a=1\n")
        let result = try Flex.run(["fmt", "--check", scratch.path])
        #expect(result.exitCode == 1)
        #expect(result.stdout.hasPrefix("--- \(script)\n"))
        #expect(try Flex.run(["fmt", scratch.path]).exitCode == 0)
        #expect(FileSystem.read(script) == Self.formatted)
        #expect(FileSystem.read(notes) == "let a=1\n")
        // A script found in a directory that does not parse is skipped with a note, not an error.
        let broken = try scratch.write("broken.flex", "let = 1\n")
        let skipped = try Flex.run(["fmt", "--check", scratch.path])
        #expect(skipped.exitCode == 0, "\(skipped.stdout)\(skipped.stderr)")
        #expect(skipped.stderr.contains("skipped '\(broken)'"))
    }

    @Test func aScriptThatDoesNotParseIsLeftAlone() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let broken = try scratch.write("broken.flex", "let a =  (1\nprint  a\n")
        let fine = try scratch.write("fine.flex", Self.messy)
        let result = try Flex.run(["fmt", "--diagnostics", "short", broken, fine])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("\(broken):1:"), "\(result.stderr)")
        #expect(FileSystem.read(broken) == "let a =  (1\nprint  a\n")
        // The other files are still formatted.
        #expect(FileSystem.read(fine) == Self.formatted)
    }

    @Test func aMissingFileIsAnError() throws {
        let result = try Flex.run(["fmt", "/nonexistent/x.flex"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("cannot read '/nonexistent/x.flex'"))
    }

    @Test func theCorpusAndTheExamplesAreFormatted() throws {
        let result = try Flex.run(["fmt", "--check", "examples", "fixtures/scripts"])
        #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
    }
}
