// Replaces what changes from run to run (IDs, timestamps, idempotency keys, IDs inside URLs)
// with stable placeholders, so a snapshot compares shape and content, not identity.
import FlexAPI
import FlexLanguage

public struct SnapshotMasker {
    /// Each distinct ID gets `<fcus_1>`, `<fcus_2>`… in order of first appearance, so two fields
    /// holding the same ID still show that they are the same object.
    private var numbers: [String: String] = [:]
    private var counts: [String: Int] = [:]

    public init() {}

    public mutating func mask(_ json: JSON, key: String? = nil, depth: Int = 0) -> JSON {
        guard depth < 200 else { return .string("<too deep>") }
        switch json {
        case .object(let object):
            var result = JSONObject()
            for entry in object.entries { result[entry.key] = mask(entry.value, key: entry.key, depth: depth + 1) }
            return .object(result)
        case .array(let elements):
            return .array(elements.map { mask($0, key: key, depth: depth + 1) })
        case .integer where key.map(SnapshotMasker.isTimeKey) ?? false:
            return .string("<timestamp>")
        case .string(let text):
            if let key, SnapshotMasker.isIdempotencyKey(key) { return .string("<idempotency_key>") }
            if SnapshotMasker.isTimestamp(text) { return .string("<timestamp>") }
            return .string(maskIDs(in: text))
        default:
            return json
        }
    }

    /// Every Flex ID inside `text` (whole, or inside a URL or sentence) becomes its placeholder.
    mutating func maskIDs(in text: String) -> String {
        guard text.contains("_") else { return text }
        var output = ""
        var word = ""
        func isWordCharacter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_") }
        for character in text {
            if isWordCharacter(character) {
                word.append(character)
            } else {
                output += placeholder(for: word)
                word = ""
                output.append(character)
            }
        }
        return output + placeholder(for: word)
    }

    private mutating func placeholder(for word: String) -> String {
        guard word.count > 4, let prefix = FlexIDPrefix.prefix(of: word) else { return word }
        if let known = numbers[word] { return known }
        let next = (counts[prefix] ?? 0) + 1
        counts[prefix] = next
        let name = "<\(prefix)\(next)>"
        numbers[word] = name
        return name
    }

    static func isTimeKey(_ key: String) -> Bool {
        key.hasSuffix("_at") || key.hasSuffix("_dt") || key == "created" || key == "now"
    }

    static func isIdempotencyKey(_ key: String) -> Bool {
        key == "idempotency_key" || key == "Idempotency-Key"
    }

    /// `2026-01-01T00:00:05Z`-like: starts with a date, has a `T` time.
    static func isTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19, bytes.count <= 40 else { return false }
        func digit(_ index: Int) -> Bool { bytes[index] >= 0x30 && bytes[index] <= 0x39 }
        return digit(0) && digit(1) && digit(2) && digit(3) && bytes[4] == 0x2D && digit(5) && digit(6) && bytes[7] == 0x2D
            && digit(8) && digit(9) && bytes[10] == UInt8(ascii: "T") && digit(11) && digit(12) && bytes[13] == 0x3A
    }
}
