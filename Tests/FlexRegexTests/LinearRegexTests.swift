// The engine against a table of patterns and subjects (the syntax test scripts use, the
// patterns of examples/ and fixtures/, the cases that are exponential for a backtracking engine)
// and its errors for what it refuses.
import FlexRegex
import Testing

@Suite struct LinearRegexTests {
    static let table: [(String, String, Bool)] = [
        // Literals, anchors, the IDs the examples check.
        ("^fcus_", "fcus_01J", true), ("^fcus_", "xfcus_", false), ("fcus_", "xfcus_", true),
        ("^fcs_[0-9A-Z]{26}$", "fcs_" + String(repeating: "0A", count: 13) + "B", false),
        ("^fcs_[0-9A-Z]{26}$", "fcs_" + String(repeating: "0A", count: 13), true), ("^fcs_[0-9A-Z]{26}$", "fcs_" + String(repeating: "0a", count: 13), false),
        ("^v1,[A-Za-z0-9+/]{43}=$", "v1," + String(repeating: "a", count: 43) + "=", true),
        ("^v1,[A-Za-z0-9+/]{43}=$", "v1," + String(repeating: "a", count: 42) + "=", false),
        ("^[{]\"event_dt\":", "{\"event_dt\":1}", true), ("^2026-01-01T00:00:0[0-9]Z$", "2026-01-01T00:00:07Z", true),
        ("^[0-9]{23}$", String(repeating: "7", count: 23), true), ("^[0-9]{23}$", String(repeating: "7", count: 24), false),
        ("", "", true), ("", "abc", true), ("^$", "", true), ("^$", "a", false), ("a$", "a\n", false), ("a\\Z", "a\n", true),
        ("a\\z", "a\n", false), ("\\Aa", "ba", false), ("(?m)^b$", "a\nb\nc", true), ("^b", "a\nb", false),
        // Classes, shorthands, dot.
        ("^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$", "pat.o+1@example.com", true), ("^[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}$", "pat@example", false),
        ("[^a-c]", "abc", false), ("[^a-c]", "abcd", true), ("^\\d+$", "0123", true), ("^\\d+$", "01a", false),
        ("^\\w+$", "snake_case9", true), ("\\W", "snake_case", false), ("\\s", "a b", true), ("^\\S+$", "a\tb", false),
        ("^\\D\\S\\W$", "1a ", false), ("^\\D\\S\\W$", "a1 ", true), ("a.c", "abc", true), ("a.c", "a\nc", false), ("(?s)a.c", "a\nc", true),
        ("[\\d-]", "-", true), ("[a-]", "-", true), ("[-a]", "-", true), ("[\\]]", "]", true), ("[[:digit:]]+", "x9", true),
        ("[[:alpha:]]", "123", false), ("é", "café", true), ("^.{4}$", "café", true), ("[à-ü]", "café", true),
        // Word boundaries.
        ("\\bcat\\b", "a cat sat", true), ("\\bcat\\b", "concatenate", false), ("\\Bcat\\B", "concatenate", true), ("\\b", "", false),
        // After the first-byte skip the assertions see the real scalar before the landing point.
        ("\\bfoo", "xfoo foo", true), ("\\bfoo", "xfoo", false), ("\\Bfoo", "xfoo", true), ("\\bé", "aé", false), ("\\bé", "-é", true),
        ("(?m)^b", "ab", false), ("(?m)^b", "a\nb", true),
        // Groups, alternation, quantifiers and their lazy forms.
        ("^(?:ab)+$", "ababab", true), ("^(ab)+$", "ababa", false), ("^(?<name>a|b)c$", "bc", true), ("^(a|bc|)d$", "d", true),
        ("^a{2,3}$", "aaaa", false), ("^a{2,3}$", "aaa", true), ("^a{2,}$", "aaaaa", true), ("^a{,2}$", "aa", true), ("^a{,2}$", "aaa", false),
        ("^a*?b+?c??$", "aabbc", true), ("^a{2}?$", "aa", true), ("a{", "a{", true), ("a{2", "xa{2", true), ("x{,2}y", "xxy", true),
        ("colou?r", "color", true), ("^(a*)*$", "aaaa", true), ("^(a|)+$", "aaa", true), ("^(?:a?){3}a{3}$", "aaa", true),
        // Case-insensitive, escapes.
        ("(?i)^fcus_", "FCUS_1", true), ("(?i:ab)c", "ABc", true), ("(?i:ab)c", "ABC", false), ("(?i)[a-c]", "B", true),
        ("(?i)É", "é", true), ("\\x41\\u0042\\u{43}", "ABC", true), ("\\t\\n", "\t\n", true), ("\\Qa.b\\E", "a.b", true),
        ("\\Qa.b\\E", "axb", false), ("\\.\\*\\$\\/", ".*$/", true), ("a|b|c", "xxc", true),
    ]

    @Test func theTable() throws {
        for (pattern, subject, expected) in LinearRegexTests.table {
            let regex = try LinearRegex(pattern)
            #expect(regex.matches(in: subject) == expected, "\(pattern) on \(subject.debugDescription)")
        }
    }

    /// What takes a backtracking engine exponential time finishes in a few milliseconds here.
    @Test func pathologicalPatternsAreLinear() throws {
        let runs = String(repeating: "a", count: 30)
        let clock = ContinuousClock()
        let started = clock.now
        #expect(try LinearRegex("^(a+)+$").matches(in: runs + "!") == false)
        #expect(try LinearRegex("^(a|a)*$").matches(in: runs + "!") == false)
        #expect(try LinearRegex("^(a|aa)+$").matches(in: runs + "b") == false)
        #expect(try LinearRegex("(x+x+)+y").matches(in: String(repeating: "x", count: 5000)) == false)
        #expect(try LinearRegex("^(\\w+\\s?)*$").matches(in: String(repeating: "word ", count: 2000) + "!") == false)
        #expect(try LinearRegex("(a*)*b").matches(in: String(repeating: "a", count: 20000)) == false)
        #expect(clock.now - started < .seconds(2))
    }

    /// `shouldStop` is asked while the search runs, and stopping gives nil at once.
    @Test func theSearchStopsWhenAsked() throws {
        let regex = try LinearRegex("(a|aa)*c")
        let subject = String(repeating: "a", count: 1_000_000)
        var asked = 0
        let answer = regex.matches(in: subject) {
            asked += 1
            return asked == 3
        }
        #expect(answer == nil)
        #expect(asked == 3)
        // Without a first-byte candidate the skip over the subject asks too.
        var skipAsked = 0
        #expect(try LinearRegex("zq").matches(in: subject) { skipAsked += 1; return true } == nil)
        #expect(skipAsked == 1)
    }

    @Test func aLongSubjectIsOneScan() throws {
        let subject = String(repeating: "abcdefgh", count: 1 << 17) + "needle"
        #expect(try LinearRegex("need+le$").matches(in: subject))
        #expect(try LinearRegex("^abc").matches(in: subject))
        #expect(try LinearRegex("[xyz]").matches(in: subject) == false)
        #expect(try LinearRegex("\\bneedle").matches(in: subject) == false)
    }
}
