// The recursive-descent parser: tokens to a Program, recovering at statement boundaries so one parse reports every error.

public struct Parser {
    /// Deep enough for any real script, shallow enough that no build's stack overflows: about six
    /// frames per level, and 256 levels overflowed a worker thread under AddressSanitizer.
    static let maxDepth = 128
    /// Tokens lexed ahead of the current one. The parser looks at most a phrase or clause keyword
    /// ahead (CommandGrammar checks that its longest is shorter), so `peek` never needs more.
    static let lookahead = 8
    /// Tokens lexed per refill of the lookahead.
    static let lexBatch = 512
    /// How many consumed tokens may pile up before they are dropped (between top-level statements).
    static let consumedTokenLimit = 4096

    /// Produces the tokens as they are needed; `lexer.tokens` holds those from the current
    /// top-level statement on, so a large file is never one large array of tokens.
    var lexer: Lexer
    let source: UnsafeBufferPointer<UInt8>
    let sourceFile: SourceFile
    let file: FileID
    let grammar = CommandGrammar.shared
    var index = 0
    var diagnostics: [Diagnostic] = []
    /// Set by the first error of a statement; later errors are suppressed until `synchronize`
    /// (they are almost always consequences of the first).
    var panicking = false
    var depth = 0
    /// In `if`/`for`/`repeat`/`wait` heads a `{` opens the body, so it never starts a record there.
    var noRecordLiteral = false
    /// Inside an item list a bare word is a price, never a command.
    var commandsAllowed = true
    /// The token index where a statement's top expression begins: only there can an unknown word start a command.
    var statementExpressionStart = -1
    var reportedEndOfInput = false
    /// The nodes parsed so far; a nested parser (string interpolation) adds to the same tree.
    let tree: SyntaxTree

    init(lexer: Lexer, source: UnsafeBufferPointer<UInt8>, sourceFile: SourceFile, tree: SyntaxTree, depth: Int = 0) {
        self.lexer = lexer
        self.source = source
        self.sourceFile = sourceFile
        self.file = sourceFile.id
        self.depth = depth
        self.tree = tree
        self.lexer.lex(untilTokenCount: Parser.lexBatch)
    }

    /// Parses a whole file. Never traps: every byte sequence yields a program and diagnostics.
    public static func parse(_ file: SourceFile) -> ParseResult {
        file.bytes.withUnsafeBufferPointer { buffer in
            let lexer = Lexer.streaming(buffer: buffer, file: file.id, start: 0, end: buffer.count, insideInterpolation: false)
            let tree = SyntaxTree(file: file.id, source: file.bytes)
            tree.reserveCapacity(byteCount: buffer.count)
            // Error messages read names of the tree while it is built.
            tree.records.source = buffer
            defer { tree.records.source = UnsafeBufferPointer(start: nil, count: 0) }
            var parser = Parser(lexer: lexer, source: buffer, sourceFile: file, tree: tree)
            let statements = parser.parseProgram()
            // Lexer errors first, as when the whole file was lexed before parsing: the sort below is stable.
            var diagnostics = parser.lexer.diagnostics
            diagnostics.append(contentsOf: parser.diagnostics)
            return ParseResult(program: Program(file: file.id, statements: NodeList(tree, statements)),
                               diagnostics: sortedBySource(diagnostics),
                               isIncomplete: parser.lexer.isIncomplete)
        }
    }

    /// Stable sort by position, so lexer and parser errors interleave in source order.
    static func sortedBySource(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard diagnostics.count > 1 else { return diagnostics }
        return diagnostics.enumerated().sorted { a, b in
            let x = a.element.span?.start ?? -1, y = b.element.span?.start ?? -1
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }

    // MARK: - Tokens

    // The helpers called for nearly every token are `@inline(__always)`: a call to a non-mutating
    // method from a mutating one made a copy of the whole parser (240 bytes, retaining each of
    // its references) per call.

    @inline(__always)
    var current: Token { lexer.tokens[index - lexer.discarded] }

    /// The token `offset` ahead (at most `lookahead`), or `.endOfInput` past the end.
    @inline(__always)
    func peek(_ offset: Int) -> Token {
        precondition(offset <= Parser.lookahead, "the parser looks at most \(Parser.lookahead) tokens ahead")
        return lexer.tokens[min(index + offset - lexer.discarded, lexer.tokens.count - 1)]
    }

    @inline(__always)
    var previous: Token { lexer.tokens[max(index - 1, 0) - lexer.discarded] }

    mutating func advance() {
        guard current.kind != .endOfInput else { return }
        index += 1
        if index - lexer.discarded + Parser.lookahead >= lexer.tokens.count, !lexer.finished {
            lexer.lex(untilTokenCount: lexer.tokens.count + Parser.lexBatch)
        }
    }

    /// Token number `position` of the input (at or after the current statement's first), lexing up to it if needed.
    mutating func token(at position: Int) -> Token {
        while position - lexer.discarded >= lexer.tokens.count, !lexer.finished {
            lexer.lex(untilTokenCount: lexer.tokens.count + Parser.lexBatch)
        }
        return lexer.tokens[min(position - lexer.discarded, lexer.tokens.count - 1)]
    }

    /// Drops tokens already parsed once enough have piled up; only between top-level statements,
    /// since a statement's recovery rescans it from its first token.
    mutating func discardConsumedTokens() {
        if index - lexer.discarded > Parser.consumedTokenLimit { lexer.discardTokens(before: index - 1) }
    }

    /// End offset of the last consumed token, for node spans.
    @inline(__always)
    var previousEnd: Int { index > 0 ? Int(previous.end) : Int(current.start) }

    @inline(__always)
    func span(_ token: Token) -> SourceSpan { token.span(in: file) }

    @inline(__always)
    func span(from start: Int) -> SourceSpan { SourceSpan(file: file, start: start, end: max(start, previousEnd)) }

    func text(_ token: Token) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: source[Int(token.start)..<Int(token.end)]), as: UTF8.self)
    }

    func tokenIs(_ token: Token, _ word: StaticString) -> Bool {
        token.kind == .identifier && Lexer.word(source, Int(token.start), Int(token.end), is: word)
    }

    @inline(__always)
    func identifier(_ token: Token) -> NameReference { tree.addName(sourceText(token), span(token)) }

    /// The token's text as the tree stores it: a range of the source, no `String` made.
    @inline(__always)
    func sourceText(_ token: Token) -> TextReference { .source(Int(token.start), Int(token.end)) }

    @inline(__always)
    func make(_ node: ExpressionNode, span: SourceSpan) -> ExpressionReference { tree.add(node, span) }

    @inline(__always)
    func makeStatement(_ node: StatementNode, span: SourceSpan) -> StatementReference { tree.add(node, span) }

    @inline(__always)
    var atStatementEnd: Bool {
        switch current.kind {
        case .newline, .semicolon, .endOfInput, .rightBrace: return true
        default: return false
        }
    }

    func location(_ offset: Int) -> String { sourceFile.location(of: offset).description }

    /// How a token reads in "found …" messages.
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .endOfInput: return "end of input"
        case .newline: return "end of line"
        case .string: return "a string"
        case .integer, .decimal: return "number '\(text(token))'"
        case .money: return "amount '\(text(token))'"
        case .duration: return "duration '\(text(token))'"
        case .flexID: return "ID '\(text(token))'"
        case .error: return "'\(text(token))'"
        default:
            let shown = text(token)
            return "'\(shown.count > 40 ? String(shown.prefix(40)) + "…" : shown)'"
        }
    }

    // MARK: - Errors and recovery

    /// Records an error and enters panic mode; suppressed while already panicking, and at tokens the lexer already reported.
    mutating func error(_ message: String, at span: SourceSpan, help: String? = nil, notes: [Diagnostic.Note] = []) {
        guard !panicking else { return }
        panicking = true
        // Running out of input explains every enclosing construct at once: say it once.
        if span.start >= lexer.end {
            if reportedEndOfInput { return }
            reportedEndOfInput = true
        }
        diagnostics.append(.error(message, at: span, help: help, notes: notes))
    }

    mutating func errorAtCurrent(_ message: String, help: String? = nil) {
        if current.kind == .error || current.flags.contains(.malformed) {
            panicking = true
            return
        }
        error("\(message), found \(describe(current))", at: span(current), help: help)
    }

    /// An error that leaves the statement's structure intact (a clause with no value), so parsing simply goes on.
    mutating func softError(_ message: String, at span: SourceSpan, help: String? = nil) {
        guard !panicking else { return }
        diagnostics.append(.error(message, at: span, help: help))
    }

    /// Consumes `kind` or reports `message` (", found …" is appended).
    @discardableResult
    mutating func expect(_ kind: TokenKind, _ message: @autoclosure () -> String, help: @autoclosure () -> String? = nil) -> Bool {
        if current.kind == kind {
            advance()
            return true
        }
        // The message is built only on failure: most interpolate a name, which would allocate per statement.
        errorAtCurrent(message(), help: help())
        return false
    }

    /// Consumes the closer of a bracket opened by `opener`, or reports "expected ')' to close '(' at 3:5".
    mutating func expectCloser(_ kind: TokenKind, for opener: Token) {
        if current.kind == kind {
            advance()
            return
        }
        let (open, close) = kind == .rightParen ? ("(", ")") : kind == .rightBracket ? ("[", "]") : ("{", "}")
        errorAtCurrent("expected '\(close)' to close '\(open)' at \(location(Int(opener.start)))")
    }

    /// Skips to the next statement boundary at the block depth where the failed statement began:
    /// rescans from its first token counting braces, so a `}` of an enclosing block is never eaten.
    /// Only braces count: the lexer emits newlines inside `( )` and `[ ]` only when it has closed them.
    mutating func synchronize(statementStart: Int) {
        var scan = statementStart
        var nesting = 0
        var boundary: Int?
        scanning: while true {
            switch token(at: scan).kind {
            case .endOfInput:
                break scanning
            case .leftBrace:
                nesting += 1
            case .rightBrace:
                if nesting == 0 { boundary = scan; break scanning }
                nesting -= 1
            case .newline, .semicolon:
                if nesting == 0 { boundary = scan; break scanning }
            default:
                break
            }
            scan += 1
        }
        // Without a boundary the statement runs to the end of input (`scan` is there).
        var stop = boundary ?? scan
        // Never move backwards: if parsing already went further, continue from there.
        if stop < index {
            stop = index
            while true {
                let kind = token(at: stop).kind
                if kind == .endOfInput || kind == .newline || kind == .semicolon || kind == .rightBrace { break }
                stop += 1
            }
        }
        _ = token(at: stop + Parser.lookahead)
        index = stop
        if current.kind == .newline || current.kind == .semicolon { advance() }
        panicking = false
    }

    // MARK: - Nesting limit

    /// Reports the nesting limit once; the caller returns an `.invalid` node without consuming anything.
    /// Inlined (every expression level asks), with the rare report kept out of line.
    @inline(__always)
    mutating func nestingLimitReached() -> Bool {
        guard depth >= Parser.maxDepth else { return false }
        reportNestingLimit()
        return true
    }

    @inline(never)
    mutating func reportNestingLimit() {
        if !panicking {
            error("this is nested too deeply (more than \(Parser.maxDepth) levels)", at: span(current),
                  help: "split the expression into several statements with 'let'")
        }
    }
}
