// What the checker hands the interpreter: every diagnostic, and the parsed included files.

public struct CheckResult: Sendable {
    /// Parse diagnostics of included files and the checker's own, in the order they were found.
    public var diagnostics: [Diagnostic]
    /// The parsed program of each include statement that brings in a file for the first time,
    /// keyed by the include statement's pathSpan. An include of an already-included file has no
    /// entry (the interpreter skips it).
    public var includes: [SourceSpan: Program]

    public init(diagnostics: [Diagnostic] = [], includes: [SourceSpan: Program] = [:]) {
        self.diagnostics = diagnostics
        self.includes = includes
    }

    /// True when nothing stops the program from running.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
