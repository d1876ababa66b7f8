// Lexer: every token kind, literal edge cases, newline and bracket rules, errors and incompleteness.
import Testing
@testable import FlexLanguage

@Suite struct LexerTests {
    static func lex(_ text: String) -> (tokens: [Token], diagnostics: [Diagnostic], incomplete: Bool, file: SourceFile) {
        let file = SourceFile(id: FileID(rawValue: 0), path: "t.flex", text: text)
        let result = Lexer.tokenize(file)
        return (result.tokens, result.diagnostics, result.isIncomplete, file)
    }

    /// Token kinds without the final end-of-input.
    static func kinds(_ text: String) -> [TokenKind] {
        Array(lex(text).tokens.dropLast().map(\.kind))
    }

    static func texts(_ text: String) -> [String] {
        let lexed = lex(text)
        return lexed.tokens.dropLast().map { lexed.file.text(of: $0.span(in: lexed.file.id)) }
    }

    static func single(_ text: String) -> Token {
        let lexed = lex(text)
        #expect(lexed.tokens.count == 2, "expected one token in \(text)")
        return lexed.tokens[0]
    }

    static func messages(_ text: String) -> [String] { lex(text).diagnostics.map(\.message) }

    @Test func punctuationAndOperators() {
        #expect(Self.kinds("== != < <= > >= = + - * / . [ ] ( ) { } , : ;") == [
            .equalEqual, .bangEqual, .less, .lessEqual, .greater, .greaterEqual, .assign,
            .plus, .minus, .star, .slash, .dot, .leftBracket, .rightBracket, .leftParen, .rightParen,
            .leftBrace, .rightBrace, .comma, .colon, .semicolon,
        ])
        #expect(Self.kinds("a==b") == [.identifier, .equalEqual, .identifier])
        #expect(Self.kinds("a<=b>=c") == [.identifier, .lessEqual, .identifier, .greaterEqual, .identifier])
    }

    @Test func wordsAndKeywords() {
        let tokens = Self.lex("let x_1 = _y and or not contains matches in true false null it customer").tokens
        #expect(tokens.dropLast().allSatisfy { $0.kind == .identifier || $0.kind == .assign })
        #expect(tokens.map(\.keyword) == [.let, .none, .none, .none, .and, .or, .not, .contains, .matches, .in,
                                          .true, .false, .null, .it, .none, .none])
        let statementWords = "expect error print show if else for repeat wait until every timeout def return include scenario"
        #expect(Self.lex(statementWords).tokens.dropLast().map(\.keyword) == [
            .expect, .error, .print, .show, .if, .else, .for, .repeat, .wait, .until, .every, .timeout,
            .def, .return, .include, .scenario,
        ])
        // Near-misses are plain words.
        #expect(Self.lex("lets iff an nots printer").tokens.dropLast().allSatisfy { $0.keyword == .none })
    }

    @Test func flexIDLiterals() {
        #expect(Self.single("fcus_01JV8Q9SPDQ6PSRSN85FXY924N").kind == .flexID)
        #expect(Self.single("fcus_x").kind == .flexID)
        #expect(Self.single("fprice_ABC123").kind == .flexID)
        #expect(Self.single("fcapi_1").kind == .flexID)
        #expect(Self.single("fre_9").kind == .flexID)
        // A prefix alone, an unknown prefix, or an underscore in the body is an ordinary word.
        #expect(Self.single("fcus_").kind == .identifier)
        #expect(Self.single("fxyz_abc").kind == .identifier)
        #expect(Self.single("fcus_a_b").kind == .identifier)
        #expect(Self.single("found").kind == .identifier)
    }

    @Test func integersAndDecimals() {
        #expect(Self.single("42").kind == .integer)
        #expect(Self.single("42").value == 42)
        #expect(Self.single("0").value == 0)
        #expect(Self.single("9223372036854775807").value == Int.max)
        let decimal = Self.single("0.5")
        #expect(decimal.kind == .decimal)
        #expect(decimal.value == 5 && decimal.scale == 1)
        let trailing = Self.single("1.50")
        #expect(trailing.value == 150 && trailing.scale == 2)
        // `1.` is an integer followed by a dot (member access needs a name after it).
        #expect(Self.kinds("1.x") == [.integer, .dot, .identifier])
    }

    @Test func integerOverflowIsAnErrorNotATrap() {
        let lexed = Self.lex("99999999999999999999")
        #expect(lexed.diagnostics.map(\.message) == ["integer literal is too large"])
        #expect(lexed.tokens[0].flags.contains(.malformed))
        #expect(Self.messages("1.00000000000000000000001") == ["decimal literal has too many digits"])
    }

    @Test func money() {
        #expect(Self.single("$24.99").kind == .money)
        #expect(Self.single("$24.99").value == 2499)
        #expect(Self.single("$24").value == 2400)
        #expect(Self.single("$24.5").value == 2450)
        #expect(Self.single("$0.01").value == 1)
        #expect(Self.single("$0").value == 0)
        #expect(Self.single("$92233720368547758.07").value == Int.max)
    }

    @Test func moneyErrors() {
        let tooPrecise = Self.lex("$24.999")
        #expect(tooPrecise.diagnostics.map(\.message) == ["money has at most 2 decimal places"])
        #expect(tooPrecise.diagnostics[0].help != nil)
        #expect(tooPrecise.diagnostics[0].span == SourceSpan(file: FileID(rawValue: 0), start: 0, end: 7))
        #expect(Self.messages("$92233720368547758.08") == ["money amount is too large"])
        #expect(Self.messages("$x") == ["expected digits after '$'"])
        #expect(Self.messages("$ 5") == ["expected digits after '$'"])
        #expect(Self.messages("$5abc") == ["unexpected 'abc' after a money amount"])
        // `$24.` is $24 and a dot.
        #expect(Self.kinds("$24.") == [.money, .dot])
    }

    @Test func durations() {
        #expect(Self.single("30s").kind == .duration)
        #expect(Self.single("30s").value == 30)
        #expect(Self.single("15m").value == 900)
        #expect(Self.single("2h").value == 7200)
        #expect(Self.single("7d").value == 604_800)
        #expect(Self.single("0s").value == 0)
    }

    @Test func lettersGluedToNumbersAreErrors() {
        #expect(Self.messages("42abc") == ["unexpected 'abc' after a number"])
        #expect(Self.messages("30ms") == ["unexpected 'ms' after a number"])
        #expect(Self.messages("3x") == ["unexpected 'x' after a number"])
        #expect(Self.messages("1.5h") == ["a duration must be a whole number"])
        #expect(Self.messages("999999999999999999d") == ["duration is too large"])
        // One token, flagged, so the parser does not report it again.
        let token = Self.single("42abc")
        #expect(token.flags.contains(.malformed))
    }

    @Test func strings() {
        let plain = Self.single("\"hello\"")
        #expect(plain.kind == .string)
        #expect(!plain.flags.contains(.needsDecoding))
        #expect(Self.single("\"a\\\"b\"").flags.contains(.needsDecoding))
        #expect(Self.single("\"order ${s.id}\"").flags.contains(.needsDecoding))
        // Nested strings and braces inside an interpolation stay inside the one token.
        #expect(Self.kinds("\"a ${ f(\"}\") + {x: \"${y}\"}.x } b\" 1") == [.string, .integer])
        // `$` without `{` is plain text.
        #expect(!Self.single("\"costs $5\"").flags.contains(.needsDecoding))
        // A string may span lines.
        #expect(Self.kinds("\"a\nb\"") == [.string])
        #expect(Self.single("\"héllo 😀\"").kind == .string)
    }

    /// The pieces the lexer hands the parser for each string token that needs decoding, described.
    static func pieces(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var lexer = Lexer.streaming(buffer: buffer, file: FileID(rawValue: 0), start: 0, end: buffer.count, insideInterpolation: false)
            lexer.run()
            return lexer.tokens.filter { $0.flags.contains(.needsDecoding) }.flatMap { token in
                token.pieces.map { number -> String in
                    switch lexer.stringPiece(number) {
                    case .text(let start, let end): "text \(String(decoding: bytes[Int(start)..<Int(end)], as: UTF8.self))"
                    case .decoded(let text): "decoded \(text)"
                    case .interpolation(let dollar, let close): "interpolation \(dollar)..\(close)"
                    case .invalidEscape(let diagnostic): "error \(diagnostic.message)"
                    }
                }
            }
        }
    }

    @Test func stringPieces() {
        // Text, escapes decoded, and each interpolation from its `$` to its closing brace, found in one scan.
        #expect(Self.pieces(#""a\tb${x}c""#) == ["decoded a\tb", "interpolation 5..8", "text c"])
        #expect(Self.pieces(#""${ "}" + "${y}" }""#) == ["interpolation 1..17"])
        #expect(Self.pieces(#""\q""#) == [#"error unknown escape '\q'"#, "text "])
        // In an unterminated string everything is text, `${` included.
        #expect(Self.pieces(#""a ${x"#) == ["text a ${x"])
    }

    @Test func unterminatedStringPointsAtTheOpeningQuote() {
        let lexed = Self.lex("print \"abc")
        #expect(lexed.diagnostics.count == 1)
        #expect(lexed.diagnostics[0].message == "unterminated string")
        #expect(lexed.diagnostics[0].span == SourceSpan(file: FileID(rawValue: 0), start: 6, end: 7))
        #expect(lexed.incomplete)
        #expect(lexed.tokens[1].flags.contains(.unterminated))
        #expect(Self.lex("\"a ${ \"b }").incomplete)
    }

    @Test func commentsAndShebang() {
        #expect(Self.kinds("#!/usr/bin/env -S flex run\nprint 1 # trailing\n# whole line\n") == [.identifier, .integer, .newline])
        #expect(Self.kinds("# only a comment") == [])
    }

    @Test func newlinesSeparateOnlyOutsideParensAndBrackets() {
        #expect(Self.kinds("a\nb") == [.identifier, .newline, .identifier])
        #expect(Self.kinds("a\n\n\n  \nb") == [.identifier, .newline, .identifier])
        #expect(Self.kinds("\n\na") == [.identifier])
        #expect(Self.kinds("f(a,\nb)") == [.identifier, .leftParen, .identifier, .comma, .identifier, .rightParen])
        #expect(Self.kinds("[1,\n2]") == [.leftBracket, .integer, .comma, .integer, .rightBracket])
        // Inside braces (blocks and records) newlines are tokens again, also when nested in parens.
        #expect(Self.kinds("{a\nb}") == [.leftBrace, .identifier, .newline, .identifier, .rightBrace])
        #expect(Self.kinds("({a: 1\n})") == [.leftParen, .leftBrace, .identifier, .colon, .integer, .newline, .rightBrace, .rightParen])
        // After the bracket closes, newlines separate again.
        #expect(Self.kinds("(a)\nb") == [.leftParen, .identifier, .rightParen, .newline, .identifier])
        #expect(Self.kinds("a; b") == [.identifier, .semicolon, .identifier])
    }

    @Test func aStatementKeywordOnANewLineClosesAForgottenParen() {
        #expect(Self.kinds("f(a\nlet b = 1") == [.identifier, .leftParen, .identifier, .newline, .identifier, .identifier, .assign, .integer])
        #expect(!Self.lex("f(a\nlet b = 1").incomplete)
    }

    @Test func trailingBackslashJoinsLines() {
        #expect(Self.kinds("a \\\n b") == [.identifier, .identifier])
        #expect(Self.kinds("a \\   # note\n b") == [.identifier, .identifier])
        #expect(Self.lex("print 1 + \\").incomplete)
        #expect(Self.lex("print 1 + \\\n").incomplete)
        #expect(!Self.lex("print 1 + \\\n 2").incomplete)
        #expect(Self.messages("a \\ b") == ["unexpected '\\'"])
    }

    @Test func incompleteInput() {
        #expect(Self.lex("f(1,").incomplete)
        #expect(Self.lex("[1,").incomplete)
        #expect(Self.lex("if x {").incomplete)
        #expect(Self.lex("if x {\n print 1").incomplete)
        #expect(!Self.lex("if x {\n print 1\n}").incomplete)
        #expect(!Self.lex("print (1)").incomplete)
        #expect(!Self.lex("").incomplete)
        // An extra closer is an error for the parser, not a reason to wait for more input.
        #expect(!Self.lex("print 1)").incomplete)
        // A mismatched closer pops to its opener.
        #expect(!Self.lex("f([1)").incomplete)
    }

    @Test func strayBytesAreLocatedErrorsAndLexingContinues() {
        let lexed = Self.lex("a @ b")
        #expect(lexed.diagnostics.map(\.message) == ["unexpected character '@'"])
        #expect(lexed.diagnostics[0].span == SourceSpan(file: FileID(rawValue: 0), start: 2, end: 3))
        #expect(lexed.tokens.map(\.kind) == [.identifier, .error, .identifier, .endOfInput])
        // A run of stray bytes is one error.
        #expect(Self.messages("a @@@ b").count == 1)
        #expect(Self.messages("x ! y") == ["unexpected character '!'"])
        #expect(Self.messages("caf\u{E9}") == ["unexpected character '\u{E9}'"])
    }

    @Test func invalidUTF8AndNUL() {
        let file = SourceFile(id: FileID(rawValue: 0), path: "t", bytes: [0x61, 0x20, 0xFF, 0x20, 0x00, 0x20, 0x62])
        let result = Lexer.tokenize(file)
        #expect(result.diagnostics.map(\.message) == ["invalid UTF-8 byte 0xFF", "unexpected NUL byte"])
        #expect(result.tokens.first?.kind == .identifier)
        #expect(result.tokens[result.tokens.count - 2].kind == .identifier)
        let inString = SourceFile(id: FileID(rawValue: 0), path: "t", bytes: [0x22, 0xC3, 0x28, 0x22])
        #expect(Lexer.tokenize(inString).diagnostics.map(\.message) == ["invalid UTF-8 byte 0xC3 in a string"])
        // Overlong encodings and surrogates are invalid too.
        for bytes: [UInt8] in [[0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]] {
            let bad = SourceFile(id: FileID(rawValue: 0), path: "t", bytes: bytes)
            #expect(Lexer.tokenize(bad).diagnostics.first?.message.hasPrefix("invalid UTF-8 byte") == true)
        }
    }

    @Test func byteOrderMarkIsSkipped() {
        let file = SourceFile(id: FileID(rawValue: 0), path: "t", bytes: [0xEF, 0xBB, 0xBF, 0x61])
        let result = Lexer.tokenize(file)
        #expect(result.diagnostics.isEmpty)
        #expect(result.tokens.map(\.kind) == [.identifier, .endOfInput])
    }

    @Test func spansAreByteRanges() {
        #expect(Self.texts("let total = $24.99 + 2h # c") == ["let", "total", "=", "$24.99", "+", "2h"])
        #expect(Self.texts("x.\"a b\"[0]") == ["x", ".", "\"a b\"", "[", "0", "]"])
        let lexed = Self.lex("ab\ncd")
        #expect(lexed.tokens.last?.kind == .endOfInput)
        #expect(lexed.tokens.last?.startOffset == 5)
    }

    @Test func everyByteSequenceLexesWithoutTrapping() {
        // A deterministic sweep over short byte strings built from interesting bytes.
        let alphabet: [UInt8] = [0x00, 0x22, 0x24, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x5C, 0x0A, 0x31, 0x2E, 0x61, 0x78, 0x73, 0xC3, 0xFF, 0x23, 0x7B]
        var state: UInt64 = 42
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<12 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let file = SourceFile(id: FileID(rawValue: 0), path: "t", bytes: bytes)
            let result = Lexer.tokenize(file)
            #expect(result.tokens.last?.kind == .endOfInput)
            _ = Parser.parse(file)
        }
    }
}
