// What one parse produces: the program (always), every error found, and whether more input could complete it.

public struct ParseResult: Sendable {
    /// Always present; pieces that failed to parse are `.invalid` nodes whose errors are in `diagnostics`.
    public var program: Program
    /// Every error in the file (the parser recovers at statement boundaries), in source order.
    public var diagnostics: [Diagnostic]
    /// The input ended inside an open `(`, `[`, `{` or string, or after a trailing `\`: the REPL asks for more lines.
    public var isIncomplete: Bool

    public init(program: Program, diagnostics: [Diagnostic], isIncomplete: Bool) {
        self.program = program
        self.diagnostics = diagnostics
        self.isIncomplete = isIncomplete
    }
}
