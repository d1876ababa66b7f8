// What the engine refuses, and where it says the problem is (UTF-8 offsets into the pattern).
import FlexRegex
import Testing

@Suite struct RegexErrorTests {
    static func failure(_ pattern: String) -> RegexSyntaxError? {
        do {
            _ = try LinearRegex(pattern)
            return nil
        } catch {
            return error
        }
    }

    @Test func backtrackingFeaturesAreNamed() {
        let cases: [(String, String, Int, Int)] = [
            ("(a)\\1", "backreferences", 3, 5), ("(?<x>a)\\k<x>", "backreferences", 7, 9), ("a(?=b)", "lookahead", 1, 4),
            ("a(?!b)", "lookahead", 1, 4), ("(?<=a)b", "lookbehind", 0, 4), ("(?<!a)b", "lookbehind", 0, 4),
            ("(?>a)", "atomic", 0, 3), ("a*+", "possessive", 1, 3), ("a{2}+", "possessive", 1, 5),
        ]
        for (pattern, word, start, end) in cases {
            let error = RegexErrorTests.failure(pattern)
            #expect(error?.message.contains(word) == true, "\(pattern): \(error?.message ?? "accepted")")
            #expect(error?.start == start && error?.end == end, "\(pattern): \(String(describing: error))")
            #expect(error?.help != nil, "\(pattern)")
        }
    }

    @Test func malformedPatterns() {
        let cases: [(String, String)] = [
            ("(", "never closed"), ("a)", "unbalanced ')'"), ("[a", "never closed"), ("*a", "nothing to repeat"),
            ("a**", "follows another quantifier"), ("[z-a]", "runs backwards"), ("a{3,1}", "lower bound"), ("\\", "lone backslash"),
            ("\\y", "unknown escape"), ("\\p{L}", "Unicode property"), ("a{1001}", "at most 1000"), ("[]a]", "cannot start with ']'"),
            ("[a&&b]", "set operations"), ("[[a]]", "nested classes"), ("[[:nope:]]", "unknown class name"), ("(?x)a", "unsupported"),
            ("\\x4", "character code"), ("\\u{110000}", "character code"), ("(?:a{1000}){1000}", "too large"),
            ("[\\d-z]", "range cannot start"),
        ]
        for (pattern, words) in cases {
            let error = RegexErrorTests.failure(pattern)
            #expect(error?.message.contains(words) == true, "\(pattern): \(error?.message ?? "accepted")")
        }
    }

    /// 100 nested groups are fine; one more is refused (the parser recurses once per group).
    @Test func groupNestingIsBounded() throws {
        let deepest = String(repeating: "(", count: 100) + "a" + String(repeating: ")", count: 100)
        #expect(try LinearRegex(deepest).matches(in: "xa"))
        let tooDeep = "(" + deepest + ")"
        #expect(RegexErrorTests.failure(tooDeep)?.message.contains("nested too deeply") == true)
        #expect(RegexErrorTests.failure(String(repeating: "(", count: 100_000))?.message.contains("nested too deeply") == true)
    }

    @Test func offsetsAreUTF8() {
        let error = RegexErrorTests.failure("é(?=x)")
        #expect(error?.start == 2 && error?.end == 5)
    }
}
