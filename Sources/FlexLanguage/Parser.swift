// The recursive-descent parser: tokens to a Program, recovering at statement boundaries so one parse reports every error.

public struct Parser {
    /// Deep enough for any real script, shallow enough that no build's stack overflows: about six
    /// frames per level, and 256 levels overflowed a worker thread under AddressSanitizer.
    static let maxDepth = 128
    /// First capacity of lists whose length is unknown until parsed (arguments, elements, items,
    /// string segments): one allocation for the usual short list instead of growing 1 → 2 → 4.
    static let smallListCapacity = 4

    let tokens: [Token]
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
    /// The lexer's count of separators, an upper bound on top-level statements.
    var statementCapacityHint = 0

    init(tokens: [Token], source: UnsafeBufferPointer<UInt8>, sourceFile: SourceFile, depth: Int = 0) {
        self.tokens = tokens
        self.source = source
        self.sourceFile = sourceFile
        self.file = sourceFile.id
        self.depth = depth
    }

    /// Parses a whole file. Never traps: every byte sequence yields a program and diagnostics.
    public static func parse(_ file: SourceFile) -> ParseResult {
        let lexed = Lexer.tokenize(file)
        return file.bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(tokens: lexed.tokens, source: buffer, sourceFile: file)
            parser.statementCapacityHint = min(lexed.separatorCount + 1, lexed.tokens.count)
            let statements = parser.parseProgram()
            var diagnostics = lexed.diagnostics
            diagnostics.append(contentsOf: parser.diagnostics)
            return ParseResult(program: Program(file: file.id, statements: statements),
                               diagnostics: sortedBySource(diagnostics),
                               isIncomplete: lexed.isIncomplete)
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

    var current: Token { tokens[index] }

    func peek(_ offset: Int) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    var previous: Token { tokens[max(index - 1, 0)] }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    /// End offset of the last consumed token, for node spans.
    var previousEnd: Int { index > 0 ? Int(tokens[index - 1].end) : Int(current.start) }

    func span(_ token: Token) -> SourceSpan { token.span(in: file) }

    func span(from start: Int) -> SourceSpan { SourceSpan(file: file, start: start, end: max(start, previousEnd)) }

    func text(_ token: Token) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: source[Int(token.start)..<Int(token.end)]), as: UTF8.self)
    }

    func tokenIs(_ token: Token, _ word: StaticString) -> Bool {
        token.kind == .identifier && Lexer.word(source, Int(token.start), Int(token.end), is: word)
    }

    func identifier(_ token: Token) -> Identifier { Identifier(text(token), span: span(token)) }

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
        if span.start >= Int(tokens[tokens.count - 1].start) {
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
        var stop = tokens.count - 1
        while scan < tokens.count - 1 {
            let kind = tokens[scan].kind
            switch kind {
            case .leftBrace:
                nesting += 1
            case .rightBrace:
                if nesting == 0 { stop = scan }
                else { nesting -= 1 }
            case .newline, .semicolon:
                if nesting == 0 { stop = scan }
            default:
                break
            }
            if stop == scan { break }
            scan += 1
        }
        if scan >= tokens.count - 1 { stop = tokens.count - 1 }
        // Never move backwards: if parsing already went further, continue from there.
        if stop < index {
            stop = index
            while stop < tokens.count - 1, tokens[stop].kind != .newline, tokens[stop].kind != .semicolon, tokens[stop].kind != .rightBrace {
                stop += 1
            }
        }
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
