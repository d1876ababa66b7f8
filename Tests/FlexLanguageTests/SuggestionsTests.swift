// Did-you-mean: typos find their word, unrelated words find nothing, ties are deterministic.
import Testing
@testable import FlexLanguage

@Suite struct SuggestionsTests {
    @Test(arguments: [
        ("emial", ["email", "first_name", "last_name", "phone"], "email"),
        ("cusomer create", ["customer create", "customer get", "checkout"], "customer create"),
        ("of_session", ["payment", "off_session", "setup"], "off_session"),
        ("thremo", ["thermo", "mug"], "thermo"),
        ("Email", ["email"], "email"),
        ("lenn", ["len", "env", "keys"], "len"),
    ])
    func typosFindTheirWord(word: String, candidates: [String], expected: String) {
        #expect(Suggestions.closest(to: word, among: candidates) == expected)
    }

    @Test func unrelatedWordsFindNothing() {
        #expect(Suggestions.closest(to: "zzz", among: ["email", "phone"]) == nil)
        #expect(Suggestions.closest(to: "x", among: ["email"]) == nil)
        #expect(Suggestions.closest(to: "", among: ["a"]) == nil)
        #expect(Suggestions.closest(to: "email", among: ["email"]) == nil)
    }

    @Test func tiesGoToTheAlphabeticallyFirst() {
        #expect(Suggestions.closest(to: "cat", among: ["cut", "bat", "cab"]) == "bat")
        #expect(Suggestions.closest(to: "cat", among: ["cab", "cut", "bat"]) == "bat")
    }

    @Test func editDistanceCountsTranspositionsAsOne() {
        let distance = Suggestions.editDistance(Array("ab".unicodeScalars), Array("ba".unicodeScalars), limit: 5)
        #expect(distance == 1)
        #expect(Suggestions.editDistance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars), limit: 5) == 3)
    }
}
