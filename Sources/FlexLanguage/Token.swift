// Tokens are small plain values (kind, word class, byte range, numeric payload); text is read from the source on demand.

public enum TokenKind: UInt8, Sendable {
    case endOfInput, newline, semicolon
    /// Any word `[A-Za-z_][A-Za-z0-9_]*`; `Token.keyword` tells which reserved or contextual word it is.
    case identifier
    /// A word with a known Flex ID prefix: `fcus_01JV…`.
    case flexID
    /// `42`; `value` holds the number.
    case integer
    /// `0.5`; `value` holds the significand, `scale` the digits after the point.
    case decimal
    /// `$24.99`; `value` holds cents.
    case money
    /// `30s 15m 2h 7d`; `value` holds seconds.
    case duration
    /// `"…"` including both quotes; the lexer decodes its escapes and finds its `${…}` (`StringPiece`).
    case string
    case equalEqual, bangEqual, less, lessEqual, greater, greaterEqual, assign
    case plus, minus, star, slash, dot, comma, colon
    case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
    /// Bytes that form no token (already reported by the lexer).
    case error
}

/// The words the parser gives a meaning to, classified once by the lexer so the parser compares bytes, not strings.
public enum Keyword: UInt8, Sendable, CaseIterable {
    case none
    case `let`, expect, error, print, show, `if`, `else`, `for`, `in`, `repeat`, wait, until, every, timeout
    case def, `return`, include, scenario
    case and, or, not, contains, matches
    case `true`, `false`, null, it

    /// Words that can never name a variable.
    public var isReserved: Bool {
        switch self {
        case .let, .expect, .print, .show, .if, .else, .for, .in, .repeat, .def, .return, .include, .scenario,
             .and, .or, .not, .contains, .matches, .true, .false, .null:
            return true
        case .none, .error, .wait, .until, .every, .timeout, .it:
            return false
        }
    }
}

public struct Token: Sendable {
    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// A literal the lexer already reported as wrong (overflow, bad suffix); the parser makes it `.invalid` silently.
        public static let malformed = Flags(rawValue: 1)
        /// A string with no closing quote.
        public static let unterminated = Flags(rawValue: 2)
        /// The string contains `\` or `${`, so it needs decoding (its pieces are in `value`).
        public static let needsDecoding = Flags(rawValue: 4)
    }

    public var kind: TokenKind
    public var keyword: Keyword
    public var flags: Flags
    /// Digits after the decimal point of a `.decimal`.
    public var scale: UInt8
    public var start: Int32
    public var end: Int32
    /// The numeric payload of integer, decimal, money and duration tokens; where a string's pieces are.
    public var value: Int

    public init(kind: TokenKind, keyword: Keyword = .none, flags: Flags = [], scale: UInt8 = 0, start: Int, end: Int, value: Int = 0) {
        self.kind = kind
        self.keyword = keyword
        self.flags = flags
        self.scale = scale
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
        self.value = value
    }

    public var startOffset: Int { Int(start) }
    public var endOffset: Int { Int(end) }

    public func span(in file: FileID) -> SourceSpan {
        SourceSpan(file: file, start: Int(start), end: Int(end))
    }
}

extension Token {
    /// A string's pieces, numbered from the start of the input, packed into `value`.
    static func packPieces(first: Int, count: Int) -> Int { first << 32 | count }

    /// The pieces of a string that needs decoding (`Lexer.stringPiece(_:)`).
    var pieces: Range<Int> {
        let first = value >> 32
        return first..<(first + (value & 0xFFFF_FFFF))
    }
}
