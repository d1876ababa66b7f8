// What a command's positional or clause value must be: the parser reads by it, the checker checks it.

/// What a positional argument or a clause value must be. The parser uses it to decide how much
/// to read; the checker uses it to reject literals of the wrong kind.
public enum ValueKind: Hashable, Sendable {
    /// Any expression.
    case any
    case string
    case integer
    /// Integer cents: `$24.99`, `2499`, or an expression. A bare decimal literal is an error.
    case money
    /// `30s`, `15m`, `2h`, `7d` or an expression.
    case duration
    /// A Flex ID with this prefix (`"fcus_"`), or any value carrying one (an object, an expression).
    case id(prefix: String)
    /// `[P xN, …]` written in place, or an expression that evaluates to a list.
    case items
    /// `{ key: value, … }` or an expression that evaluates to a record.
    case record
    /// A bare word from `choices` (any word when empty), or a string literal.
    case word(choices: [String])
    /// The clause takes no value.
    case flag
}

