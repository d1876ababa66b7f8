// Checks the tests' own JSON validator, so a --json test cannot pass by accident.
import Testing

@Suite("JSON shape checker")
struct JSONShapeTests {
    @Test("accepts JSON and rejects what is not", arguments: [
        ("{\"a\":1,\"b\":[true,null,\"x\\n\"],\"c\":-0.5e3}", true),
        ("[]", true), ("\"\\u00e9\"", true), ("42", true),
        ("{a:1}", false), ("[1,]", false), ("01", false), ("\"unterminated", false), ("1 2", false), ("", false),
    ])
    func shape(_ text: String, _ valid: Bool) {
        #expect(JSONShape.isValid(text) == valid)
    }
}
