// `flex fmt`'s engine: one canonical layout for a script that parses, keeping every comment and line break that matters.
//
// The layout is the token stream re-spaced: the lexer's tokens give what is written, the bytes
// between tokens give the comments, line breaks and `\` continuations (the lexer skips them, so
// `run` and `check` pay nothing for formatting), and the syntax tree says what the tokens that
// look alike mean (a unary or a binary `-`, a call's `(` or a grouping one, a record's `{` or a
// block's). The parser ignores spacing, so re-spacing cannot change what a script does; line
// breaks are kept where they were, since a newline can end a statement.

public struct Formatter {
    /// Why a file was not formatted: it does not parse (the parser's diagnostics).
    public struct Failure: Error, Sendable {
        public var diagnostics: [Diagnostic]
    }

    /// Spaces per indentation level.
    static let indentWidth = 4

    /// The formatted bytes of `file`, or the diagnostics that keep it from being formatted.
    public static func format(_ file: SourceFile) -> Result<[UInt8], Failure> {
        let parsed = Parser.parse(file)
        let errors = parsed.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { return .failure(Failure(diagnostics: errors)) }
        guard !parsed.isIncomplete else {
            let end = SourceSpan(file: file.id, start: file.bytes.count, end: file.bytes.count)
            return .failure(Failure(diagnostics: [.error("the script ends inside a bracket, a string or after a trailing '\\'", at: end)]))
        }
        let roles = TokenRoles(tree: parsed.program.statements.tree)
        return file.bytes.withUnsafeBufferPointer { source in
            var printer = LayoutPrinter(source: source, roles: roles)
            printer.print(lexing: file.id)
            return .success(printer.output)
        }
    }

    /// Formats text (tests, the fuzzer, the benchmark): nil when it does not parse.
    public static func format(text: String) -> String? {
        let file = SourceFile(id: FileID(rawValue: 0), path: "<text>", text: text)
        guard case .success(let bytes) = format(file) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
