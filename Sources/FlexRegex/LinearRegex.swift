// The regular expressions of `matches`: a pattern compiled once into an NFA program and searched
// in time linear in the subject (RegexMachine), stoppable part-way. Swift's Regex backtracks, so
// `(a+)+$` on a long run of a's took exponential time and could not be interrupted.

public struct LinearRegex: Sendable {
    let program: RegexProgram

    /// Parses and compiles `pattern`; the error says what is wrong and where.
    public init(_ pattern: String) throws(RegexSyntaxError) {
        var parser = RegexParser(pattern)
        let node = try parser.parse()
        program = try RegexCompiler.compile(node, patternLength: pattern.utf8.count)
    }

    /// Only checks the pattern (what `flex check` does with a literal pattern).
    public static func validate(_ pattern: String) throws(RegexSyntaxError) {
        _ = try LinearRegex(pattern)
    }

    /// True when the pattern matches somewhere in `text`, false when not, nil when `shouldStop`
    /// (asked every few thousand steps) answered true first.
    public func matches(in text: String, shouldStop: () -> Bool) -> Bool? {
        var text = text
        return text.withUTF8 { bytes in
            var machine = RegexMachine(program)
            defer { machine.release() }
            return machine.search(bytes, shouldStop: shouldStop)
        }
    }

    /// The same, to the end.
    public func matches(in text: String) -> Bool {
        matches(in: text, shouldStop: { false }) ?? false
    }
}
