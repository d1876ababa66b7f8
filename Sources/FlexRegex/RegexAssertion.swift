// The zero-width tests a pattern may make between two scalars; RegexMachine.holds decides them.

/// The zero-width tests: `^ $ \A \z \Z \b \B` and their multi-line forms.
enum RegexAssertion: UInt8 {
    case textStart, textEnd, textEndBeforeFinalNewline, lineStart, lineEnd, wordBoundary, notWordBoundary
}
