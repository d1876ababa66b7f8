// The JSON reader: every value kind, exact numbers, escapes, and every kind of error with its position.
import FlexAPI
import Testing

@Suite struct JSONReaderTests {
    @Test(arguments: [
        ("null", JSON.null), ("true", .bool(true)), ("false", .bool(false)),
        ("0", .integer(0)), ("-0", .integer(0)), ("42", .integer(42)), ("-17", .integer(-17)),
        ("9223372036854775807", .integer(Int.max)), ("-9223372036854775808", .integer(Int.min)),
        ("9223372036854775808", .decimal("9223372036854775808")),
        ("-9223372036854775809", .decimal("-9223372036854775809")),
        ("123456789012345678901234567890", .decimal("123456789012345678901234567890")),
        ("0.5", .decimal("0.5")), ("-12.50", .decimal("-12.50")), ("1e3", .decimal("1e3")),
        ("1E+3", .decimal("1E+3")), ("2.5e-10", .decimal("2.5e-10")),
        ("\"\"", .string("")), ("\"abc\"", .string("abc")),
        ("[]", .array([])), ("{}", .object(JSONObject())),
        (" \t\r\n 7 \n", .integer(7)),
    ])
    func readsScalars(text: String, expected: JSON) throws {
        #expect(try JSON.parse(text) == expected)
    }

    @Test func readsNestedStructuresKeepingKeyOrder() throws {
        let value = try JSON.parse(#"{"z": 1, "a": [true, null, {"k": "v"}], "m": {}}"#)
        guard case .object(let object) = value else { Issue.record("not an object"); return }
        #expect(object.keys == ["z", "a", "m"])
        #expect(value["a"] == [true, nil, ["k": "v"]])
    }

    @Test(arguments: [
        (#""a\"b""#, "a\"b"), (#""a\\b""#, "a\\b"), (#""a\/b""#, "a/b"), (#""\b\f\n\r\t""#, "\u{8}\u{C}\n\r\t"),
        (#""\u0041\u00e9""#, "Aé"), (#""\u20AC""#, "€"), (#""\ud83d\ude00""#, "😀"), (#""\uD834\uDD1E""#, "𝄞"),
        ("\"caf\u{E9} \u{1F600}\"", "café 😀"), (#""\u0000""#, "\u{0}"),
    ])
    func readsEscapesAndUnicode(text: String, expected: String) throws {
        #expect(try JSON.parse(text) == .string(expected))
    }

    @Test func duplicateKeysKeepFirstPositionLastValue() throws {
        let value = try JSON.parse(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect(value.objectValue?.keys == ["a", "b"])
        #expect(value["a"] == 3)
    }

    /// Each malformed input, the error offset, and a fragment of the message.
    @Test(arguments: [
        ("", 0, "unexpected end of input"),
        ("   ", 3, "unexpected end of input"),
        ("nul", 0, "invalid literal"),
        ("tru e", 0, "invalid literal"),
        ("[1,]", 3, "expected a value"),
        ("[1 2]", 3, "expected ',' or ']'"),
        ("{\"a\" 1}", 5, "expected ':'"),
        ("{\"a\":1,}", 7, "expected a string key"),
        ("{a:1}", 1, "expected a string key"),
        ("{\"a\":1", 6, "expected ',' or '}'"),
        ("[1", 2, "expected ',' or ']'"),
        ("01", 1, "leading zero"),
        ("-", 1, "expected a digit"),
        ("1.", 2, "after the decimal point"),
        ("1e", 2, "exponent"),
        ("+1", 0, "expected a value"),
        (".5", 0, "expected a value"),
        ("\"abc", 4, "inside a string"),
        ("\"a\tb\"", 2, "control character"),
        ("\"\\x\"", 2, "invalid escape"),
        ("\"\\u12\"", 5, "four hex digits"),
        ("\"\\ud800\"", 1, "not followed by a low surrogate"),
        ("\"\\ud800\\u0041\"", 7, "not a low surrogate"),
        ("\"\\udc00\"", 1, "lone low surrogate"),
        ("1 2", 2, "after the JSON value"),
        ("{} x", 3, "after the JSON value"),
        ("NaN", 0, "expected a value"),
    ])
    func rejectsMalformedInput(text: String, offset: Int, fragment: String) {
        do {
            _ = try JSON.parse(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.offset == offset, "offset for \(text)")
            #expect(error.message.contains(fragment), "message \(error.message) for \(text)")
        }
    }

    @Test func errorCarriesLineAndColumn() {
        do {
            _ = try JSON.parse("{\n  \"a\": 1,\n  \"b\": ?\n}")
            Issue.record("accepted")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 8)
            #expect(error.description.hasPrefix("3:8: "))
        }
    }

    @Test(arguments: [[0xFF], [0x22, 0xC3, 0x22], [0x22, 0xE2, 0x82, 0x22], [0x22, 0xC0, 0xAF, 0x22],
                      [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], [0x22, 0xF0, 0x9F]] as [[UInt8]])
    func rejectsInvalidUTF8(bytes: [UInt8]) {
        #expect(throws: JSONParseError.self) { try JSON.parse(bytes) }
    }

    @Test func depthLimit() throws {
        let ok = String(repeating: "[", count: JSON.maximumDepth) + String(repeating: "]", count: JSON.maximumDepth)
        #expect(throws: Never.self) { try JSON.parse(ok) }
        let deep = String(repeating: "[", count: JSON.maximumDepth + 1) + String(repeating: "]", count: JSON.maximumDepth + 1)
        do {
            _ = try JSON.parse(deep)
            Issue.record("accepted")
        } catch {
            #expect(error.message.contains("nesting deeper"))
        }
        let objects = String(repeating: "{\"a\":", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSON.parse(objects) }
    }

    /// A cheap in-test fuzz: random and mutated bytes never trap, and accepted text round-trips.
    @Test func randomInputNeverTraps() {
        var state: UInt64 = 12345
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let seeds: [[UInt8]] = [Array(#"{"a":[1,2.5,"x\u00e9",true,null],"b":{"c":-3e2}}"#.utf8), Array("[[[[\"\\ud83d\\ude00\"]]]]".utf8)]
        let alphabet: [UInt8] = Array("{}[]\",:-+.eE0123456789tfnrul\\ \n".utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xE2, 0xF0, 0xFF]
        for round in 0..<3000 {
            var bytes = seeds[round % seeds.count]
            for _ in 0..<Int(next() % 4 + 1) {
                let choice = Int(next() % 3)
                let position = bytes.isEmpty ? 0 : Int(next() % UInt64(bytes.count))
                let byte = alphabet[Int(next() % UInt64(alphabet.count))]
                switch choice {
                case 0 where !bytes.isEmpty: bytes[position] = byte
                case 1: bytes.insert(byte, at: position)
                default: if !bytes.isEmpty { bytes.remove(at: position) }
                }
            }
            if let value = try? JSON.parse(bytes) {
                #expect((try? JSON.parse(value.serialized())) == value)
            }
        }
    }
}
