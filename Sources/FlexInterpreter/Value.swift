// The interpreter's values. Records and lists that came from the API stay JSON until looked at,
// so a response costs nothing to turn into a value and converts one field at a time on access.
import FlexAPI
import FlexLanguage

public enum Value: Sendable {
    case null
    case bool(Bool)
    /// Integers; money is an integer of cents.
    case integer(Int)
    case decimal(DecimalLiteral)
    case string(String)
    /// A Flex ID: a string that remembers it is an ID (its prefix is `FlexIDPrefix.prefix(of:)`).
    case id(String)
    case list(ValueList)
    case record(Record)
    /// A JSON object from the API, not yet converted; behaves exactly like `.record`.
    case object(JSONObject)
    /// A JSON array from the API, not yet converted; behaves exactly like `.list`.
    case array([JSON])
    case duration(seconds: Int)
    case function(FunctionValue)
}

/// An ordered record built by the script (`{ key: value }`, an error record). Like `ValueList`
/// it keeps the depth of its deepest value, so nesting it in another value costs O(1).
public struct Record: Sendable {
    public private(set) var keys: [String]
    public private(set) var values: [Value]
    /// The nesting depth of the deepest value (0 when all are scalars) in the low 10 bits, and a
    /// lower bound of the record's printed size in the high 22, as a small float (6-bit exponent,
    /// 16-bit mantissa, rounded down), so a record doubled into itself is known too large to
    /// print at once. Packed into one word to keep `Value` at its size.
    private var packed: UInt32 = 0

    public init() { keys = []; values = [] }
    public init(_ pairs: [(String, Value)]) {
        keys = []; values = []
        for (key, value) in pairs { self[key] = value }
    }

    public var count: Int { keys.count }
    public var valueDepth: Int { Int(packed & Record.depthMask) }
    /// At least this many bytes print for the record (`{` and `}` included); O(1).
    var minimumTextSize: Int { Record.decode(packed >> Record.depthBits) + 2 }

    public subscript(key: String) -> Value? {
        get {
            for index in keys.indices where keys[index] == key { return values[index] }
            return nil
        }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue { values[index] = newValue } else { keys.remove(at: index); values.remove(at: index) }
                // A replaced or removed entry can make the record shallower or shorter: recount.
                recount()
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
                add(entrySize(key, newValue), depth: newValue.nestingDepth)
            }
        }
    }

    private static let depthBits: UInt32 = 10
    private static let depthMask: UInt32 = (1 << depthBits) - 1

    /// `key: value, ` printed.
    private func entrySize(_ key: String, _ value: Value) -> Int { key.utf8.count + value.minimumTextSize + 4 }

    /// Depths past the limit are only ever compared with it, so they saturate; sizes keep their
    /// 16 leading bits (rounded down, so the bound stays a bound).
    private mutating func add(_ size: Int, depth: Int) {
        let depth = max(UInt32(valueDepth), UInt32(min(depth, Int(Record.depthMask))))
        let total = Record.decode(packed >> Record.depthBits).addingReportingOverflow(size)
        packed = Record.encode(total.overflow ? Int.max : total.partialValue) << Record.depthBits | depth
    }

    /// 22 bits: a 6-bit exponent above a 16-bit mantissa; `decode(encode(n)) <= n`.
    private static func encode(_ size: Int) -> UInt32 {
        let size = max(size, 0)
        let shift = max(0, (Int.bitWidth - size.leadingZeroBitCount) - 16)
        return UInt32(shift) << 16 | UInt32(size >> shift)
    }

    private static func decode(_ bits: UInt32) -> Int {
        let shift = Int(bits >> 16), mantissa = Int(bits & 0xFFFF)
        return shift >= Int.bitWidth - 17 ? Int.max / 2 : mantissa << shift
    }

    private mutating func recount() {
        packed = 0
        for index in keys.indices { add(entrySize(keys[index], values[index]), depth: values[index].nestingDepth) }
    }
}

/// A `def` function: its parameters, body and the scope it was defined in (closures see it).
public final class FunctionValue: @unchecked Sendable {
    public let name: String
    public let parameters: NodeList<Identifier>
    public let body: Block
    let scope: Scope

    init(name: String, parameters: NodeList<Identifier>, body: Block, scope: Scope) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.scope = scope
    }
}

extension Value {
    /// A JSON string becomes an ID when it carries a known Flex prefix.
    public init(json: JSON) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .integer(let i): self = .integer(i)
        case .decimal(let text): self = DecimalLiteral(jsonText: text).map(Value.decimal) ?? .string(text)
        case .string(let s): self = Value.idPrefix(of: s) != nil ? .id(s) : .string(s)
        case .array(let a): self = .array(a)
        case .object(let o): self = .object(o)
        }
    }

    /// The value as JSON for request bodies and `--json`: durations are seconds, IDs strings.
    public var json: JSON {
        switch self {
        case .null: .null
        case .bool(let b): .bool(b)
        case .integer(let i): .integer(i)
        case .decimal(let d): .decimal(d.description)
        case .string(let s), .id(let s): .string(s)
        case .list(let l): .array(l.elements.map(\.json))
        case .array(let a): .array(a)
        case .object(let o): .object(o)
        case .record(let r):
            .object(JSONObject(zip(r.keys, r.values).map { JSONObject.Entry(key: $0.0, value: $0.1.json) }))
        case .duration(let seconds): .integer(seconds)
        case .function(let f): .string("<function \(f.name)>")
        }
    }

    /// The entries of a record-like value, converted; nil when the value is not a record.
    public var recordEntries: [(key: String, value: Value)]? {
        switch self {
        case .record(let r): return zip(r.keys, r.values).map { ($0.0, $0.1) }
        case .object(let o): return o.entries.map { ($0.key, Value(json: $0.value)) }
        default: return nil
        }
    }

    /// The keys of a record-like value, in order.
    public var recordKeys: [String]? {
        switch self {
        case .record(let r): r.keys
        case .object(let o): o.keys
        default: nil
        }
    }

    /// One field of a record-like value.
    public func field(_ key: String) -> Value? {
        switch self {
        case .record(let r): r[key]
        case .object(let o): o[key].map(Value.init(json:))
        default: nil
        }
    }

    /// The elements of a list-like value, converted; nil when the value is not a list.
    public var listElements: [Value]? {
        switch self {
        case .list(let l): l.elements
        case .array(let a): a.map(Value.init(json:))
        default: nil
        }
    }

    /// A list-like value as a `ValueList` (with its depth); nil when the value is not a list.
    var valueList: ValueList? {
        switch self {
        case .list(let l): l
        case .array(let a): ValueList(a.map(Value.init(json:)))
        default: nil
        }
    }

    public var isRecord: Bool {
        switch self { case .record, .object: true; default: false }
    }

    public var isList: Bool {
        switch self { case .list, .array: true; default: false }
    }

    /// The text of a string or an ID.
    public var text: String? {
        switch self {
        case .string(let s), .id(let s): s
        default: nil
        }
    }

    /// `false` and `null` are false; everything else is true.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let b): b
        default: true
        }
    }

    /// A short noun for messages: "a string", "a list".
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer: "an integer"
        case .decimal: "a decimal"
        case .string: "a string"
        case .id: "an ID"
        case .list, .array: "a list"
        case .record, .object: "a record"
        case .duration: "a duration"
        case .function: "a function"
        }
    }

    /// The key that holds a record's own ID: a known `*_id` key of a Flex object, else the first
    /// key ending in `_id`, else `id`.
    public var ownIDKey: String? {
        guard let keys = recordKeys else { return nil }
        if let key = keys.first(where: { Value.objectIDKeyNames.contains($0) }) { return key }
        if let key = keys.first(where: { $0.hasSuffix("_id") }) { return key }
        return keys.contains("id") ? "id" : nil
    }

    /// What a record is, for messages: `checkout_session` for a record whose ID key is
    /// `checkout_session_id`; `record` otherwise.
    public var objectTypeName: String {
        if let key = ownIDKey, key != "id", Value.objectIDKeyNames.contains(key) { return String(key.dropLast(3)) }
        return isRecord ? "record" : kindDescription
    }

    static let objectIDKeyNames: Set<String> = Set(FlexIDPrefix.objectIDKeys.values)

    /// `FlexIDPrefix.prefix(of:)` behind a one-byte test: every prefix starts with `f`, and most
    /// strings in a response (dates, URLs, statuses) are rejected without scanning the table.
    /// Same answer as `FlexIDPrefix.prefix(of:)`, found with one pass over the bytes: the prefix
    /// is everything up to the first `_`, looked up in a set.
    static func idPrefix(of text: String) -> String? {
        let utf8 = text.utf8
        guard utf8.first == UInt8(ascii: "f"), utf8.count > 4,
              let underscore = utf8.prefix(8).firstIndex(of: UInt8(ascii: "_")) else { return nil }
        let bodyStart = utf8.index(after: underscore)
        guard bodyStart != utf8.endIndex,
              utf8[bodyStart...].allSatisfy({ byte in
                  (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
              }) else { return nil }
        let prefix = String(Substring(utf8[..<bodyStart]))
        return prefixes.contains(prefix) ? prefix : nil
    }

    static let prefixes: Set<String> = Set(FlexIDPrefix.all)

    /// A field's text without converting the rest of the value (IDs inside API objects).
    func fieldText(_ key: String) -> String? {
        switch self {
        case .object(let o): o[key]?.stringValue
        case .record(let r): r[key]?.text
        default: nil
        }
    }
}

extension DecimalLiteral {
    /// Reads a JSON number's text exactly (`12.5`, `-0.25`, `1e3`); nil when it does not fit.
    init?(jsonText: String) {
        var mantissa = Substring(jsonText)
        var exponent = 0
        if let e = mantissa.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var exponentText = mantissa[mantissa.index(after: e)...]
            if exponentText.first == "+" { exponentText = exponentText.dropFirst() }
            guard let parsed = Int(exponentText) else { return nil }
            exponent = parsed
            mantissa = mantissa[..<e]
        }
        var negative = false
        if mantissa.first == "-" { negative = true; mantissa = mantissa.dropFirst() }
        var significand = 0
        var scale = 0
        var seenPoint = false
        for character in mantissa {
            if character == "." { guard !seenPoint else { return nil }; seenPoint = true; continue }
            guard let digit = character.wholeNumberValue, character.isASCII else { return nil }
            let (times, o1) = significand.multipliedReportingOverflow(by: 10)
            let (plus, o2) = times.addingReportingOverflow(digit)
            guard !o1, !o2 else { return nil }
            significand = plus
            if seenPoint { scale += 1 }
        }
        let (adjusted, overflow) = scale.subtractingReportingOverflow(exponent)
        guard !overflow else { return nil }
        scale = adjusted
        while scale < 0 {
            let (times, overflow) = significand.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            significand = times
            scale += 1
        }
        guard scale <= 30 else { return nil }
        self.init(significand: negative ? -significand : significand, scale: scale)
    }
}
