// Diagnostics are values: every stage returns them, and DiagnosticRenderer draws them in one place.

public struct Diagnostic: Hashable, Sendable, Error {
    public enum Severity: String, Hashable, Sendable {
        case error, warning, note
    }

    /// A secondary message, optionally pointing at another place ("'{' opened here").
    public struct Note: Hashable, Sendable {
        public var message: String
        public var span: SourceSpan?
        public init(_ message: String, span: SourceSpan? = nil) {
            self.message = message
            self.span = span
        }
    }

    public var severity: Severity
    /// Lowercase, no final period, says what was expected: "expected ')' to close '(' at 3:5".
    public var message: String
    /// Where the carets go. Nil only for problems with no place in a source (a missing file given on the command line).
    public var span: SourceSpan?
    /// A likely fix: "did you mean 'email'?", "write money as $24.99 or 2499".
    public var help: String?
    public var notes: [Note]

    public init(_ severity: Severity = .error, _ message: String, at span: SourceSpan?, help: String? = nil, notes: [Note] = []) {
        self.severity = severity
        self.message = message
        self.span = span
        self.help = help
        self.notes = notes
    }

    public static func error(_ message: String, at span: SourceSpan?, help: String? = nil, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, message, at: span, help: help, notes: notes)
    }
}
