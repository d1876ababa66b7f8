// Random patterns from the supported syntax, on random ASCII subjects, against Swift's Regex as
// an oracle (set to simple word boundaries, the engine's documented choice; with no \r in the
// subjects each character is one scalar, so its character semantics are the engine's scalar
// ones): the two must agree on every pair. Inputs are small, so the backtracking oracle stays fast.
import FlexRegex
import Testing

@Suite struct RegexOracleTests {
    /// SplitMix64: deterministic, so a failure names a pattern that reproduces.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        mutating func pick(_ choices: [String]) -> String { choices[next(choices.count)] }
    }

    static let atoms = ["a", "b", "c", ".", "\\d", "\\w", "\\s", "\\D", "\\W", "[ab]", "[^a]", "[a-c1]", "[\\d_]", "-", "1", " ",
                        "\\n", "\\.", "[[:alpha:]]", "(?i:A)", "\\x62"]
    static let assertions = ["^", "$", "\\b", "\\B", "\\A", "\\z", "\\Z"]
    static let quantifiers = ["", "", "", "*", "+", "?", "{2}", "{1,2}", "{0,}", "*?", "+?", "??", "{,2}"]

    static func pattern(_ random: inout Random, depth: Int) -> String {
        var pieces: [String] = []
        for _ in 0..<(1 + random.next(3)) {
            var atom: String
            switch random.next(10) {
            case 0 where depth < 2: atom = "(" + alternation(&random, depth: depth + 1) + ")"
            case 1 where depth < 2: atom = "(?:" + alternation(&random, depth: depth + 1) + ")"
            case 2: pieces.append(random.pick(assertions)); continue
            default: atom = random.pick(atoms)
            }
            atom += random.pick(quantifiers)
            pieces.append(atom)
        }
        return pieces.joined()
    }

    static func alternation(_ random: inout Random, depth: Int) -> String {
        (0..<(1 + random.next(2))).map { _ in pattern(&random, depth: depth) }.joined(separator: "|")
    }

    @Test func agreesWithSwiftRegexOnRandomInputs() throws {
        var random = Random(state: 15)
        let alphabet: [Character] = ["a", "b", "c", "A", "1", "2", " ", "-", "_", ".", "\n"]
        var compared = 0
        for _ in 0..<3000 {
            let source = (random.next(5) == 0 ? "(?i)" : "") + RegexOracleTests.alternation(&random, depth: 0)
            let ours = try LinearRegex(source)
            // Not .matchingSemantics(.unicodeScalar) as well: with it, Swift's simple \b takes digits
            // for non-word characters (`"1a" matches "\\d\\b"` is true there).
            let oracle = try Regex(source).wordBoundaryKind(.simple)
            for _ in 0..<8 {
                let subject = String((0..<random.next(10)).map { _ in alphabet[random.next(alphabet.count)] })
                let expected = subject.firstMatch(of: oracle) != nil
                #expect(ours.matches(in: subject) == expected, "\(source.debugDescription) on \(subject.debugDescription)")
                compared += 1
            }
        }
        #expect(compared == 24000)
    }
}
