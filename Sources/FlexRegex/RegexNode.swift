// The parsed form of a pattern: what RegexParser builds and RegexCompiler turns into a program.
// Groups are gone (the engine answers only "is there a match", so nothing is captured) and
// lazy quantifiers are the same node as greedy ones (they differ only in which match is found).

indirect enum RegexNode {
    case empty
    /// One scalar from a set (a literal, a class, `.`, `\d`, …): the index into the sets.
    case scalar(UInt32)
    case set(RegexScalarSet)
    case assertion(RegexAssertion)
    case concatenation([RegexNode])
    case alternation([RegexNode])
    /// `max` nil: no upper bound.
    case repetition(RegexNode, min: Int, max: Int?)
}

/// The zero-width tests: `^ $ \A \z \Z \b \B` and their multi-line forms.
enum RegexAssertion: UInt8 {
    case textStart, textEnd, textEndBeforeFinalNewline, lineStart, lineEnd, wordBoundary, notWordBoundary
}
