// What the lexer hands the parser for a string literal with escapes or `${…}`, so that the
// parser never reads the literal's bytes again.

/// One piece of a string literal, in order (`Lexer.stringPieces`, located by `Token.pieces`).
enum StringPiece {
    /// Text written without escapes: the source bytes `start..<end`.
    case text(start: Int32, end: Int32)
    /// Text with its escapes decoded.
    case decoded(String)
    /// An interpolation: its `$` at `dollar`, its expression up to the `}` at `close`.
    case interpolation(dollar: Int32, close: Int32)
    /// A bad escape. The parser reports it when it reads the literal, so a literal that error
    /// recovery skips reports nothing.
    case invalidEscape(Diagnostic)
}
