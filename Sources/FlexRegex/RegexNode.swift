// The parsed form of a pattern: what RegexParser builds and RegexCompiler turns into a program.
// Groups are gone (the engine answers only "is there a match", so nothing is captured) and
// lazy quantifiers are the same node as greedy ones (they differ only in which match is found).

indirect enum RegexNode {
    case empty
    /// One literal scalar.
    case scalar(UInt32)
    /// One scalar of a set (a class, `.`, `\d`, a letter under (?i)).
    case set(RegexScalarSet)
    case assertion(RegexAssertion)
    case concatenation([RegexNode])
    case alternation([RegexNode])
    /// `max` nil: no upper bound.
    case repetition(RegexNode, min: Int, max: Int?)
}
