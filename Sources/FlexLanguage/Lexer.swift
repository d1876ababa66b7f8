// The lexer: UTF-8 bytes to tokens in one pass, with newline rules driven by a bracket stack.

/// The lexer's output: tokens ending in `.endOfInput`, its errors, and whether the input stopped
/// inside an open bracket, a string or after a trailing `\` (the REPL then reads another line).
public struct LexResult: Sendable {
    public var tokens: [Token]
    public var diagnostics: [Diagnostic]
    public var isIncomplete: Bool
    /// Newline and `;` tokens produced (sizes the parser's statement array).
    public var separatorCount: Int
}

public struct Lexer {
    let buffer: UnsafeBufferPointer<UInt8>
    let file: FileID
    /// Inside `${…}` a newline never ends anything: the interpolation is one expression.
    let insideInterpolation: Bool
    var position: Int
    let end: Int
    var tokens: [Token] = []
    var diagnostics: [Diagnostic] = []
    var isIncomplete = false
    /// Open brackets, innermost last, as their opening byte.
    var brackets: [UInt8] = []
    /// How many of each opener are on `brackets`, so a mismatched closer never searches an empty stack.
    var openParens = 0, openSquares = 0, openBraces = 0
    /// A trailing `\` joined lines and no token has followed yet.
    var pendingContinuation = false
    var separatorCount = 0
    /// The `.endOfInput` token has been produced.
    var finished = false
    /// How many tokens were dropped from the front of `tokens` (see `discardTokens`): token
    /// number `n` of the input is `tokens[n - discarded]`.
    var discarded = 0
    /// The pieces of the string tokens that need decoding, in token order; piece number `n` of
    /// the input is `stringPieces[n - discardedPieces]` (dropped along with their tokens).
    var stringPieces: [StringPiece] = []
    var discardedPieces = 0

    /// Tokenizes a whole source file.
    public static func tokenize(_ file: SourceFile) -> LexResult {
        tokenize(bytes: file.bytes, file: file.id, start: 0, end: file.bytes.count, insideInterpolation: false)
    }

    /// Tokenizes `bytes[start..<end]`; offsets in the tokens stay relative to the whole array.
    public static func tokenize(bytes: [UInt8], file: FileID, start: Int, end: Int, insideInterpolation: Bool) -> LexResult {
        bytes.withUnsafeBufferPointer { buffer in
            tokenize(buffer: buffer, file: file, start: start, end: end, insideInterpolation: insideInterpolation)
        }
    }

    static func tokenize(buffer: UnsafeBufferPointer<UInt8>, file: FileID, start: Int, end: Int, insideInterpolation: Bool) -> LexResult {
        let end = min(max(start, end), buffer.count)
        guard end <= Int(Int32.max) else {
            let span = SourceSpan(file: file, start: 0, end: 0)
            return LexResult(tokens: [Token(kind: .endOfInput, start: 0, end: 0)],
                             diagnostics: [.error("source file is too large (more than 2 GB)", at: span)], isIncomplete: false, separatorCount: 0)
        }
        var lexer = Lexer(buffer: buffer, file: file, insideInterpolation: insideInterpolation, start: start, end: end)
        lexer.tokens.reserveCapacity((end - start) / 5 + 16)
        lexer.run()
        return LexResult(tokens: lexer.tokens, diagnostics: lexer.diagnostics, isIncomplete: lexer.isIncomplete,
                         separatorCount: lexer.separatorCount)
    }

    /// A lexer that produces tokens as the parser asks for them (`lex(untilTokenCount:)`), so
    /// a large file is never held as one array of tokens.
    init(buffer: UnsafeBufferPointer<UInt8>, file: FileID, insideInterpolation: Bool, start: Int, end: Int) {
        self.buffer = buffer
        self.file = file
        self.insideInterpolation = insideInterpolation
        self.position = start
        self.end = min(max(start, end), buffer.count)
        // A UTF-8 byte order mark at the very start is not part of the program.
        if position == 0, self.end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
    }

    /// Drops the tokens before token number `index` (which the parser will not read again).
    mutating func discardTokens(before index: Int) {
        let count = index - discarded
        guard count > 0 else { return }
        tokens.removeFirst(count)
        discarded = index
        // The pieces before the first kept string's are no longer needed.
        let firstKept = tokens.first { $0.kind == .string && $0.flags.contains(.needsDecoding) }
        let keptPiece = firstKept.map { $0.pieces.lowerBound } ?? (discardedPieces + stringPieces.count)
        stringPieces.removeFirst(keptPiece - discardedPieces)
        discardedPieces = keptPiece
    }

    // MARK: - The main loop

    mutating func run() {
        lex(untilTokenCount: .max)
    }

    /// Lexes until `tokens` holds `limit` tokens or the input is done (then `.endOfInput` is the last token).
    mutating func lex(untilTokenCount limit: Int) {
        guard !finished else { return }
        while position < end, tokens.count < limit {
            let byte = buffer[position]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0C:
                position += 1
            case UInt8(ascii: "\n"):
                lexNewline()
            case UInt8(ascii: "#"):
                skipComment()
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
                lexWord()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                lexNumber()
            case UInt8(ascii: "$"):
                lexMoney()
            case UInt8(ascii: "\""):
                lexString()
            case UInt8(ascii: "\\"):
                lexLineContinuation()
            case UInt8(ascii: ";"):
                separatorCount += 1
                emit(.semicolon, length: 1)
            case UInt8(ascii: ","): emit(.comma, length: 1)
            case UInt8(ascii: ":"): emit(.colon, length: 1)
            case UInt8(ascii: "."): emit(.dot, length: 1)
            case UInt8(ascii: "+"): emit(.plus, length: 1)
            case UInt8(ascii: "-"): emit(.minus, length: 1)
            case UInt8(ascii: "*"): emit(.star, length: 1)
            case UInt8(ascii: "/"): emit(.slash, length: 1)
            case UInt8(ascii: "="):
                if next(is: "=") { emit(.equalEqual, length: 2) } else { emit(.assign, length: 1) }
            case UInt8(ascii: "!"):
                if next(is: "=") {
                    emit(.bangEqual, length: 2)
                } else {
                    strayBytes(length: 1, message: "unexpected character '!'", help: "write 'not' for negation and '!=' for inequality")
                }
            case UInt8(ascii: "<"):
                if next(is: "=") { emit(.lessEqual, length: 2) } else { emit(.less, length: 1) }
            case UInt8(ascii: ">"):
                if next(is: "=") { emit(.greaterEqual, length: 2) } else { emit(.greater, length: 1) }
            case UInt8(ascii: "("):
                open(byte); emit(.leftParen, length: 1)
            case UInt8(ascii: "["):
                open(byte); emit(.leftBracket, length: 1)
            case UInt8(ascii: "{"):
                open(byte); emit(.leftBrace, length: 1)
            case UInt8(ascii: ")"):
                close(UInt8(ascii: "(")); emit(.rightParen, length: 1)
            case UInt8(ascii: "]"):
                close(UInt8(ascii: "[")); emit(.rightBracket, length: 1)
            case UInt8(ascii: "}"):
                close(UInt8(ascii: "{")); emit(.rightBrace, length: 1)
            case 0:
                strayBytes(length: 1, message: "unexpected NUL byte", help: nil)
            case 0x80...:
                lexNonASCII()
            default:
                let scalar = Unicode.Scalar(byte)
                let shown = byte < 0x20 || byte == 0x7F ? "byte 0x\(hex(byte))" : "character '\(Character(scalar))'"
                strayBytes(length: 1, message: "unexpected \(shown)", help: nil)
            }
        }
        guard position >= end else { return }
        if !brackets.isEmpty || pendingContinuation { isIncomplete = true }
        tokens.append(Token(kind: .endOfInput, start: end, end: end))
        finished = true
    }

    func next(is ascii: Unicode.Scalar) -> Bool {
        position + 1 < end && buffer[position + 1] == UInt8(ascii: ascii)
    }

    mutating func emit(_ kind: TokenKind, length: Int) {
        tokens.append(Token(kind: kind, start: position, end: position + length))
        position += length
        pendingContinuation = false
    }

    // MARK: - Newlines, comments, continuation

    /// A newline separates statements only at top level or directly inside `{ }`; consecutive ones collapse.
    mutating func lexNewline() {
        let separates = insideInterpolation ? (brackets.last == UInt8(ascii: "{")) : (brackets.isEmpty || brackets.last == UInt8(ascii: "{"))
        if separates, let last = tokens.last?.kind, last != .newline, last != .semicolon {
            separatorCount += 1
            tokens.append(Token(kind: .newline, start: position, end: position + 1))
        } else if !separates, !insideInterpolation, nextLineStartsStatement() {
            // A line that can only be a new statement means a `(` or `[` above was never closed:
            // close it here so the parser reports it once and the rest of the file still parses.
            while let top = brackets.last, top != UInt8(ascii: "{") { close(top) }
            separatorCount += 1
            tokens.append(Token(kind: .newline, start: position, end: position + 1))
        }
        position += 1
    }

    /// Whether the line after the newline at `position` begins with a word that only starts statements.
    func nextLineStartsStatement() -> Bool {
        var probe = position + 1
        while probe < end, buffer[probe] == UInt8(ascii: " ") || buffer[probe] == UInt8(ascii: "\t") { probe += 1 }
        let wordStart = probe
        while probe < end, Lexer.isWordByte(buffer[probe]) { probe += 1 }
        guard probe > wordStart, probe == end || !Lexer.isWordByte(buffer[probe]) else { return false }
        switch Lexer.keyword(buffer, start: wordStart, end: probe) {
        case .let, .expect, .print, .show, .if, .repeat, .def, .return, .include, .scenario: return true
        default: return false
        }
    }

    mutating func skipComment() {
        while position < end, buffer[position] != UInt8(ascii: "\n") { position += 1 }
    }

    /// `\` followed only by blanks (or a comment) up to the end of the line joins the next line.
    mutating func lexLineContinuation() {
        let backslash = position
        var probe = position + 1
        while probe < end, buffer[probe] == UInt8(ascii: " ") || buffer[probe] == UInt8(ascii: "\t") || buffer[probe] == UInt8(ascii: "\r") {
            probe += 1
        }
        if probe < end, buffer[probe] == UInt8(ascii: "#") {
            while probe < end, buffer[probe] != UInt8(ascii: "\n") { probe += 1 }
        }
        if probe >= end {
            position = probe
            pendingContinuation = true
        } else if buffer[probe] == UInt8(ascii: "\n") {
            position = probe + 1
            pendingContinuation = true
        } else {
            position = backslash
            strayBytes(length: 1, message: "unexpected '\\'", help: "a '\\' joins lines only as the last character of a line")
        }
    }

    // MARK: - Brackets

    mutating func open(_ byte: UInt8) {
        brackets.append(byte)
        switch byte {
        case UInt8(ascii: "("): openParens += 1
        case UInt8(ascii: "["): openSquares += 1
        default: openBraces += 1
        }
    }

    /// Pops to the matching opener when there is one (a mismatch is the parser's to report);
    /// a closer with no opener changes nothing.
    mutating func close(_ opener: UInt8) {
        let available: Int
        switch opener {
        case UInt8(ascii: "("): available = openParens
        case UInt8(ascii: "["): available = openSquares
        default: available = openBraces
        }
        guard available > 0 else { return }
        while let top = brackets.popLast() {
            switch top {
            case UInt8(ascii: "("): openParens -= 1
            case UInt8(ascii: "["): openSquares -= 1
            default: openBraces -= 1
            }
            if top == opener { break }
        }
    }

    // MARK: - Errors

    /// Reports bytes that form no token, merging a run of them into one error token and one diagnostic.
    mutating func strayBytes(length: Int, message: String, help: String?) {
        let start = position
        position += length
        pendingContinuation = false
        if let last = tokens.last, last.kind == .error, Int(last.end) == start,
           let previous = diagnostics.last, previous.span?.end == start {
            tokens[tokens.count - 1].end = Int32(truncatingIfNeeded: position)
            diagnostics[diagnostics.count - 1].span?.end = position
            return
        }
        tokens.append(Token(kind: .error, start: start, end: position))
        diagnostics.append(.error(message, at: SourceSpan(file: file, start: start, end: position), help: help))
    }

    mutating func lexNonASCII() {
        if let length = Lexer.utf8ScalarLength(buffer, at: position, end: end) {
            let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[position..<(position + length)]), as: UTF8.self)
            let help = text == "\u{201C}" || text == "\u{201D}" ? "write strings with straight quotes: \"…\"" : nil
            strayBytes(length: length, message: "unexpected character '\(text)'", help: help)
        } else {
            strayBytes(length: 1, message: "invalid UTF-8 byte 0x\(hex(buffer[position]))", help: nil)
        }
    }

    func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }

    /// The length of the valid UTF-8 scalar at `index`, or nil for an invalid sequence.
    static func utf8ScalarLength(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int? {
        let lead = buffer[index]
        if lead < 0x80 { return 1 }
        func continuation(_ offset: Int) -> Bool {
            index + offset < end && buffer[index + offset] & 0xC0 == 0x80
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : nil
        case 0xE0...0xEF:
            guard continuation(1), continuation(2) else { return nil }
            let second = buffer[index + 1]
            if lead == 0xE0 && second < 0xA0 { return nil }   // overlong
            if lead == 0xED && second > 0x9F { return nil }   // surrogate
            return 3
        case 0xF0...0xF4:
            guard continuation(1), continuation(2), continuation(3) else { return nil }
            let second = buffer[index + 1]
            if lead == 0xF0 && second < 0x90 { return nil }   // overlong
            if lead == 0xF4 && second > 0x8F { return nil }   // above U+10FFFF
            return 4
        default:
            return nil
        }
    }
}

extension Lexer {
    /// A lexer over `buffer[start..<end]` for the parser to pull tokens from. Sources over 2 GB
    /// (token offsets are 32-bit) yield only `.endOfInput` and one error, as `tokenize` does.
    static func streaming(buffer: UnsafeBufferPointer<UInt8>, file: FileID, start: Int, end: Int, insideInterpolation: Bool) -> Lexer {
        let end = min(max(start, end), buffer.count)
        guard end <= Int(Int32.max) else {
            var lexer = Lexer(buffer: buffer, file: file, insideInterpolation: insideInterpolation, start: 0, end: 0)
            lexer.diagnostics = [.error("source file is too large (more than 2 GB)", at: SourceSpan(file: file, start: 0, end: 0))]
            return lexer
        }
        return Lexer(buffer: buffer, file: file, insideInterpolation: insideInterpolation, start: start, end: end)
    }
}
