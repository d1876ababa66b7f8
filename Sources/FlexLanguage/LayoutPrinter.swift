// Writes a parsed script's tokens in the canonical layout (docs/language.md, "Formatting"): indentation by bracket depth, one space or none between tokens, blank lines collapsed.

/// One pass over the tokens. Each output line is indented by the brackets open at its start; the
/// bytes between two tokens (the "gap") decide only where lines break and which comments go where.
struct LayoutPrinter {
    /// An open bracket: its byte, the indentation level of the line it was opened on (its
    /// contents go one deeper, its closer at the start of a line goes there) and whether it is a record's `{`.
    struct OpenBracket {
        var opener: TokenKind
        var lineLevel: Int
        var isRecord: Bool
    }

    let source: UnsafeBufferPointer<UInt8>
    let roles: TokenRoles
    var output: [UInt8] = []
    var brackets: [OpenBracket] = []
    /// Nothing but indentation has been written on the current output line.
    var atLineStart = true
    /// The indentation level of the current output line.
    var lineLevel = 0
    /// Line breaks seen since the last thing written (two or more make one blank line).
    var pendingNewlines = 0
    /// A `\` ended the previous line: the next one is indented one level deeper.
    var continuesLine = false
    /// The last token written (`.endOfInput` before the first).
    var previous = Token(kind: .endOfInput, start: 0, end: 0)
    /// The last thing on the current line is an opening bracket (not a comment that ends in one).
    var lineEndsWithOpener = false
    /// The last line written ended with an opening bracket: a blank line after it would start the bracket's contents.
    var lastLineEndedWithOpener = false

    init(source: UnsafeBufferPointer<UInt8>, roles: TokenRoles) {
        self.source = source
        self.roles = roles
        output.reserveCapacity(source.count + source.count / 8)
    }

    /// Prints every token the lexer finds in `source`, with the comments between them.
    mutating func print(lexing file: FileID) {
        var lexer = Lexer.streaming(buffer: source, file: file, start: 0, end: source.count, insideInterpolation: false)
        var position = 0
        // A byte order mark is not part of the program, and the formatted file goes without it.
        if source.count >= 3, source[0] == 0xEF, source[1] == 0xBB, source[2] == 0xBF { position = 3 }
        var next = 0
        while true {
            if next - lexer.discarded >= lexer.tokens.count {
                lexer.discardTokens(before: next)
                lexer.lex(untilTokenCount: 4096)
            }
            let token = lexer.tokens[next - lexer.discarded]
            next += 1
            // Newline tokens are read from the gap like every other line break.
            if token.kind == .newline { continue }
            printGap(from: position, to: token.startOffset)
            if token.kind == .endOfInput { break }
            printToken(token)
            position = token.endOffset
        }
        finishFile()
    }

    // MARK: - Tokens

    mutating func printToken(_ token: Token) {
        if atLineStart {
            startLine(closing: Self.isCloser(token.kind))
        } else if needsSpace(between: previous, and: token) {
            output.append(UInt8(ascii: " "))
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: source[token.startOffset..<token.endOffset]))
        lineEndsWithOpener = Self.isOpener(token.kind)
        switch token.kind {
        case .leftParen, .leftBracket, .leftBrace:
            let isRecord = token.kind == .leftBrace && roles[token.startOffset].contains(.recordBrace)
            brackets.append(OpenBracket(opener: token.kind, lineLevel: lineLevel, isRecord: isRecord))
        case .rightParen, .rightBracket, .rightBrace:
            if !brackets.isEmpty { brackets.removeLast() }
        default:
            break
        }
        previous = token
    }

    static func isCloser(_ kind: TokenKind) -> Bool {
        kind == .rightParen || kind == .rightBracket || kind == .rightBrace
    }

    static func isOpener(_ kind: TokenKind) -> Bool {
        kind == .leftParen || kind == .leftBracket || kind == .leftBrace
    }

    /// The level of a line whose first token is not a closer: one deeper than the line that opened the innermost bracket.
    var innerLevel: Int { brackets.last.map { $0.lineLevel + 1 } ?? 0 }

    /// Begins a line with something on it: the blank line before it if one was written (never at
    /// the start of the file or of a bracket's contents, nor before a closer), then its indentation.
    mutating func startLine(closing: Bool) {
        if pendingNewlines >= 2, continuesLine {
            // `\` then a blank line: the `\` joined the blank line, whose newline ends the
            // statement, so the blank line stays and what follows is a new statement.
            output.append(UInt8(ascii: "\n"))
            continuesLine = false
        } else if pendingNewlines >= 2, !output.isEmpty, !closing, !lastLineEndedWithOpener {
            output.append(UInt8(ascii: "\n"))
        }
        var level = closing ? (brackets.last?.lineLevel ?? 0) : innerLevel
        if continuesLine { level += 1 }
        lineLevel = level
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * Formatter.indentWidth))
        atLineStart = false
        continuesLine = false
        pendingNewlines = 0
    }

    /// Ends the current output line if anything is on it.
    mutating func endLine() {
        if !atLineStart {
            output.append(UInt8(ascii: "\n"))
            atLineStart = true
            lastLineEndedWithOpener = lineEndsWithOpener
            lineEndsWithOpener = false
        }
    }

    /// Ends the file with exactly one line break (an empty script stays empty).
    mutating func finishFile() {
        endLine()
    }
}
