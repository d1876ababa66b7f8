// DiagnosticRenderer format details: gutter widths, tabs, Unicode columns, span shapes, styles, colour.
import Testing
@testable import FlexLanguage

@Suite struct RendererTests {
    /// A file of `lines` and the span of `needle` in line `line` (1-based), for hand-made diagnostics.
    private func fixture(_ text: String, path: String = "t.flex") -> (SourceManager, SourceFile) {
        let sources = SourceManager()
        let file = sources.add(path: path, text: text)
        return (sources, file)
    }

    private func span(of needle: String, in file: SourceFile) -> SourceSpan {
        let bytes = file.bytes
        let target = Array(needle.utf8)
        for start in 0...(bytes.count - target.count) where Array(bytes[start..<(start + target.count)]) == target {
            return SourceSpan(file: file.id, start: start, end: start + target.count)
        }
        Issue.record("'\(needle)' not in the fixture")
        return SourceSpan(file: file.id, start: 0, end: 0)
    }

    @Test func fullStyleMatchesTheContract() {
        let (sources, file) = fixture("let a = 1\n\ncustomer create emial \"a@b.co\"\n")
        let diagnostic = Diagnostic.error("unknown clause 'emial' for 'customer create'", at: span(of: "emial", in: file),
                                          help: "did you mean 'email'?")
        let expected = """
            error: unknown clause 'emial' for 'customer create'
             --> t.flex:3:17
              |
            3 | customer create emial "a@b.co"
              |                 ^^^^^
              = help: did you mean 'email'?

            """
        #expect(DiagnosticRenderer(sources: sources).render(diagnostic) == expected)
    }

    @Test(arguments: [(9, 1), (10, 2), (100, 3)])
    func gutterWidthFollowsTheLineNumber(line: Int, width: Int) {
        let text = String(repeating: "print 1\n", count: line - 1) + "print x\n"
        let (sources, file) = fixture(text)
        let start = file.lineStarts[line - 1] + 6
        let diagnostic = Diagnostic.error("'x' is not defined", at: SourceSpan(file: file.id, start: start, end: start + 1))
        let pad = String(repeating: " ", count: width)
        let expected = "error: 'x' is not defined\n"
            + "\(pad)--> t.flex:\(line):7\n"
            + "\(pad) |\n"
            + "\(line) | print x\n"
            + "\(pad) |       ^\n"
        #expect(DiagnosticRenderer(sources: sources).render(diagnostic) == expected)
    }

    @Test func tabsShowAsFourSpacesAndShiftTheCarets() {
        let (sources, file) = fixture("if true {\n\tprint\tnope\n}\n")
        let diagnostic = Diagnostic.error("'nope' is not defined", at: span(of: "nope", in: file))
        let output = DiagnosticRenderer(sources: sources).render(diagnostic)
        // The column counts a tab as one scalar; the drawing expands it.
        #expect(output.contains(" --> t.flex:2:8\n"))
        #expect(output.contains("2 |     print    nope\n"))
        #expect(output.contains("  |              ^^^^\n"))
    }

    @Test func tabInsideTheSpanWidensTheCarets() {
        let (sources, file) = fixture("a\tb\n")
        let diagnostic = Diagnostic.error("bad", at: span(of: "a\tb", in: file))
        #expect(DiagnosticRenderer(sources: sources).render(diagnostic).contains("  | ^^^^^^\n"))
    }

    @Test func columnsCountUnicodeScalars() {
        let (sources, file) = fixture("print \"café ü\" + nope\n")
        let diagnostic = Diagnostic.error("'nope' is not defined", at: span(of: "nope", in: file))
        let output = DiagnosticRenderer(sources: sources).render(diagnostic)
        #expect(output.contains(" --> t.flex:1:18\n"))
        #expect(output.contains("1 | print \"café ü\" + nope\n"))
        #expect(output.contains("  |                  ^^^^\n"))
    }

    @Test func caretsUnderAMultiByteSpanCountScalars() {
        let (sources, file) = fixture("let x = \"ü€😀\"\n")
        let diagnostic = Diagnostic.error("bad", at: span(of: "\"ü€😀\"", in: file))
        #expect(DiagnosticRenderer(sources: sources).render(diagnostic).contains("  |         ^^^^^\n"))
    }

    @Test func emptySpanGetsOneCaret() {
        let (sources, file) = fixture("print (1 + 2\n")
        let end = file.bytes.count - 1
        let diagnostic = Diagnostic.error("expected ')' to close '(' at 1:7", at: SourceSpan(file: file.id, start: end, end: end))
        let output = DiagnosticRenderer(sources: sources).render(diagnostic)
        #expect(output.contains(" --> t.flex:1:13\n"))
        #expect(output.contains("  |             ^\n"))
    }

    @Test func spanAtTheEndOfAFileWithoutNewline() {
        let (sources, file) = fixture("print \"abc")
        let count = file.bytes.count
        let diagnostic = Diagnostic.error("unterminated string", at: SourceSpan(file: file.id, start: 6, end: count))
        let output = DiagnosticRenderer(sources: sources).render(diagnostic)
        #expect(output.contains("1 | print \"abc\n"))
        #expect(output.contains("  |       ^^^^\n"))
    }

    @Test func multiLineSpanGetsCaretsToTheEndOfItsFirstLine() {
        let (sources, file) = fixture("let r = {\n  a: 1\n}\n")
        let start = 8
        let diagnostic = Diagnostic.error("bad record", at: SourceSpan(file: file.id, start: start, end: file.bytes.count - 1))
        let output = DiagnosticRenderer(sources: sources).render(diagnostic)
        #expect(output.contains("1 | let r = {\n  |         ^\n"))
        #expect(!output.contains("a: 1"))
    }

    @Test func emptyLineHasNoTrailingSpace() {
        let (sources, file) = fixture("print 1\n\nprint 2\n")
        let diagnostic = Diagnostic.error("empty", at: SourceSpan(file: file.id, start: 8, end: 8))
        #expect(DiagnosticRenderer(sources: sources).render(diagnostic).contains("2 |\n  | ^\n"))
    }

    @Test func carriageReturnIsNotShown() {
        let (sources, file) = fixture("print nope\r\n")
        let diagnostic = Diagnostic.error("'nope' is not defined", at: span(of: "nope", in: file))
        #expect(DiagnosticRenderer(sources: sources).render(diagnostic).contains("1 | print nope\n"))
    }

    @Test func controlBytesAreShownAsReplacementCharacters() {
        let sources = SourceManager()
        let file = sources.add(path: "t.flex", bytes: Array("print ".utf8) + [0x01, 0xFF] + Array(" x\n".utf8))
        let diagnostic = Diagnostic.error("unexpected byte", at: SourceSpan(file: file.id, start: 6, end: 8))
        let output = DiagnosticRenderer(sources: sources).render(diagnostic)
        #expect(output.contains("1 | print \u{FFFD}\u{FFFD} x\n"))
        #expect(output.contains("  |       ^^\n"))
    }

    @Test func notesWithSpansGetTheirOwnLocationLine() {
        let (sources, file) = fixture("customer create email \"a\" email \"b\"\n")
        let first = SourceSpan(file: file.id, start: 16, end: 21)
        let second = SourceSpan(file: file.id, start: 26, end: 31)
        let other = sources.add(path: "lib.flex", text: "let x = 1\n")
        let diagnostic = Diagnostic.error("duplicate clause 'email'", at: second, help: "give each clause once",
                                          notes: [Diagnostic.Note("'email' is first given here", span: first),
                                                  Diagnostic.Note("also see", span: SourceSpan(file: other.id, start: 4, end: 5)),
                                                  Diagnostic.Note("no place")])
        let expected = """
            error: duplicate clause 'email'
             --> t.flex:1:27
              |
            1 | customer create email "a" email "b"
              |                           ^^^^^
              = note: 'email' is first given here
             --> t.flex:1:17
              = note: also see
             --> lib.flex:1:5
              = note: no place
              = help: give each clause once

            """
        #expect(DiagnosticRenderer(sources: sources).render(diagnostic) == expected)
    }

    @Test func diagnosticWithoutSpanIsJustTheHeadline() {
        let sources = SourceManager()
        let plain = Diagnostic.error("no such file 'x.flex'", at: nil)
        #expect(DiagnosticRenderer(sources: sources).render(plain) == "error: no such file 'x.flex'\n")
        let helped = Diagnostic.error("no such file 'x.flex'", at: nil, help: "check the path")
        #expect(DiagnosticRenderer(sources: sources).render(helped) == "error: no such file 'x.flex'\n  = help: check the path\n")
        #expect(DiagnosticRenderer(sources: sources, style: .short).render(helped) == "error: no such file 'x.flex'\n")
    }

    @Test func shortStyleIsOneLine() {
        let (sources, file) = fixture("let a = 1\ncustomer create emial \"a@b.co\"\n")
        let diagnostic = Diagnostic.error("unknown clause 'emial' for 'customer create'", at: span(of: "emial", in: file),
                                          help: "did you mean 'email'?", notes: [Diagnostic.Note("ignored")])
        #expect(DiagnosticRenderer(sources: sources, style: .short).render(diagnostic)
            == "t.flex:2:17: error: unknown clause 'emial' for 'customer create'\n")
    }

    @Test func severitiesNameThemselves() {
        let sources = SourceManager()
        #expect(DiagnosticRenderer(sources: sources).render(Diagnostic(.warning, "w", at: nil)) == "warning: w\n")
        #expect(DiagnosticRenderer(sources: sources).render(Diagnostic(.note, "n", at: nil)) == "note: n\n")
    }

    @Test func severalDiagnosticsAreSeparatedByABlankLineInFullStyleOnly() {
        let (sources, file) = fixture("print a\nprint b\n")
        let diagnostics = [
            Diagnostic.error("'a' is not defined", at: SourceSpan(file: file.id, start: 6, end: 7)),
            Diagnostic.error("'b' is not defined", at: SourceSpan(file: file.id, start: 14, end: 15)),
        ]
        let full = DiagnosticRenderer(sources: sources).render(diagnostics)
        #expect(full.contains("  |       ^\n\nerror: 'b' is not defined\n"))
        #expect(full.hasSuffix("  |       ^\n"))
        let short = DiagnosticRenderer(sources: sources, style: .short).render(diagnostics)
        #expect(short == "t.flex:1:7: error: 'a' is not defined\nt.flex:2:7: error: 'b' is not defined\n")
    }

    @Test func colourOnlyWhenAsked() {
        let (sources, file) = fixture("print nope\n")
        let diagnostic = Diagnostic.error("'nope' is not defined", at: span(of: "nope", in: file), help: "h")
        let plain = DiagnosticRenderer(sources: sources).render(diagnostic)
        #expect(!plain.contains("\u{1B}"))
        let coloured = DiagnosticRenderer(sources: sources, color: true).render(diagnostic)
        #expect(coloured.hasPrefix("\u{1B}[1;31merror\u{1B}[0m\u{1B}[1m: 'nope' is not defined\u{1B}[0m\n"))
        #expect(coloured.contains(" \u{1B}[1;34m-->\u{1B}[0m t.flex:1:7\n"))
        #expect(coloured.contains("\u{1B}[1;34m1\u{1B}[0m \u{1B}[1;34m|\u{1B}[0m print nope\n"))
        #expect(coloured.contains("\u{1B}[1;31m^^^^\u{1B}[0m\n"))
        #expect(coloured.contains("\u{1B}[1;34m=\u{1B}[0m \u{1B}[1mhelp\u{1B}[0m: h\n"))
        // Stripping the escapes gives back the plain rendering.
        #expect(stripEscapes(coloured) == plain)
        let short = DiagnosticRenderer(sources: sources, style: .short, color: true).render(diagnostic)
        #expect(stripEscapes(short) == "t.flex:1:7: error: 'nope' is not defined\n")
    }

    private func stripEscapes(_ text: String) -> String {
        var output = ""
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if scalar == "m" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
