// The JSON writer: compact and pretty forms, escaping, exact numbers, and round trips.
import FlexAPI
import Testing

@Suite struct JSONWriterTests {
    @Test func compactKeepsKeyOrder() {
        let value: JSON = ["b": 1, "a": [true, nil, "x"], "c": ["d": .decimal("12.50")], "e": [], "f": .object(JSONObject())]
        #expect(value.serialized() == #"{"b":1,"a":[true,null,"x"],"c":{"d":12.50},"e":[],"f":{}}"#)
    }

    @Test func prettyUsesTwoSpaces() {
        let value: JSON = ["customer": ["customer_id": "fcus_1", "tags": [1, 2], "empty": []]]
        #expect(value.serialized(pretty: true) == """
        {
          "customer": {
            "customer_id": "fcus_1",
            "tags": [
              1,
              2
            ],
            "empty": []
          }
        }
        """)
    }

    @Test(arguments: [
        ("a\"b", #""a\"b""#), ("a\\b", #""a\\b""#), ("a/b", #""a/b""#), ("\n\r\t\u{8}\u{C}", #""\n\r\t\b\f""#),
        ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#), ("é😀", "\"é😀\""), ("\u{7F}", "\"\u{7F}\""),
    ])
    func escapes(text: String, expected: String) {
        #expect(JSON.string(text).serialized() == expected)
    }

    @Test(arguments: [
        #"{"a":1,"b":[true,false,null],"c":"x\"y","d":-0.5e10,"e":{"f":{}}}"#,
        #"[9223372036854775807,-9223372036854775808,123456789012345678901234567890]"#,
        #"["\u0000\u001f","😀","\\"]"#,
    ])
    func roundTrips(text: String) throws {
        let value = try JSON.parse(text)
        #expect(try JSON.parse(value.serialized()) == value)
        #expect(try JSON.parse(value.serialized(pretty: true)) == value)
        #expect(value.serialized() == (try JSON.parse(value.serialized())).serialized())
    }

    @Test func surrogatePairRoundTrip() throws {
        let value = try JSON.parse(#""\ud83d\ude00""#)
        #expect(value.serialized() == "\"😀\"")
        #expect(Array(value.serialized().utf8) == value.serializedBytes())
    }

    @Test func deepNestingRoundTrips() throws {
        let text = String(repeating: "[", count: 500) + "1" + String(repeating: "]", count: 500)
        let value = try JSON.parse(text)
        #expect(value.serialized() == text)
    }
}
