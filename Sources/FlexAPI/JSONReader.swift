// Strict RFC 8259 JSON reader: bytes in, a JSON tree out, or an error with its exact position.

/// Why a JSON text could not be read, and where (byte offset, 1-based line and column).
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var offset: Int
    public var line: Int
    public var column: Int
    public var message: String

    public init(offset: Int, line: Int, column: Int, message: String) {
        self.offset = offset
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
}

extension JSON {
    /// Nesting deeper than this is rejected, so hostile input cannot exhaust the stack.
    public static let maximumDepth = 512

    /// Parses one JSON text (any value at top level, surrounded by optional whitespace).
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSON {
        var reader = JSONReader(bytes: bytes)
        return try reader.readDocument()
    }

    public static func parse(_ text: String) throws(JSONParseError) -> JSON {
        try parse(Array(text.utf8))
    }
}

/// The reader works on a byte array with an index; every read checks bounds, so no input traps.
struct JSONReader {
    let bytes: [UInt8]
    var index = 0
    var depth = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func readDocument() throws(JSONParseError) -> JSON {
        skipWhitespace()
        let value = try readValue()
        skipWhitespace()
        if index < bytes.count { throw error("unexpected '\(describe(bytes[index]))' after the JSON value") }
        return value
    }

    // value = object / array / string / number / true / false / null
    mutating func readValue() throws(JSONParseError) -> JSON {
        guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try readObject()
        case UInt8(ascii: "["): return try readArray()
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
        case UInt8(ascii: "t"): try readLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try readLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try readLiteral("null"); return .null
        case let byte: throw error("unexpected '\(describe(byte))', expected a value")
        }
    }

    mutating func readLiteral(_ word: StaticString) throws(JSONParseError) {
        let start = index
        let count = word.utf8CodeUnitCount
        let literal = word.utf8Start
        for offset in 0..<count {
            guard index < bytes.count, bytes[index] == literal[offset] else {
                index = start
                throw error("invalid literal, expected '\(word)'")
            }
            index += 1
        }
    }

    // object = '{' [ member *( ',' member ) ] '}' ; member = string ':' value
    mutating func readObject() throws(JSONParseError) -> JSON {
        let open = index
        try enter()
        index += 1
        var entries: [JSONObject.Entry] = []
        var positions: [String: Int] = [:]
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(JSONObject())
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input, expected a key (to close '{' at offset \(open))") }
            guard bytes[index] == UInt8(ascii: "\"") else { throw error("unexpected '\(describe(bytes[index]))', expected a string key") }
            let key = try readString()
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input, expected ':'") }
            guard bytes[index] == UInt8(ascii: ":") else { throw error("unexpected '\(describe(bytes[index]))', expected ':' after the key") }
            index += 1
            skipWhitespace()
            let value = try readValue()
            // Duplicate keys: the last value wins at the first key's position (what most readers do).
            if let position = positions[key] {
                entries[position].value = value
            } else {
                positions[key] = entries.count
                entries.append(JSONObject.Entry(key: key, value: value))
            }
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input, expected ',' or '}' (to close '{' at offset \(open))") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; break }
            throw error("unexpected '\(describe(bytes[index]))', expected ',' or '}'")
        }
        depth -= 1
        return .object(JSONObject(entries))
    }

    // array = '[' [ value *( ',' value ) ] ']'
    mutating func readArray() throws(JSONParseError) -> JSON {
        let open = index
        try enter()
        index += 1
        var elements: [JSON] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try readValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input, expected ',' or ']' (to close '[' at offset \(open))") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; break }
            throw error("unexpected '\(describe(bytes[index]))', expected ',' or ']'")
        }
        depth -= 1
        return .array(elements)
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        if depth > JSON.maximumDepth { throw error("nesting deeper than \(JSON.maximumDepth) levels") }
    }

    // number = [ '-' ] int [ frac ] [ exp ]
    mutating func readNumber() throws(JSONParseError) -> JSON {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("expected a digit in the number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw error("a number may not start with a leading zero") }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("expected a digit after the decimal point") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("expected a digit in the exponent") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if isInteger, let value = parseInteger(start, index) { return .integer(value) }
        return .decimal(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    /// Accumulates digits with overflow checks; nil when the value does not fit in an Int.
    func parseInteger(_ start: Int, _ end: Int) -> Int? {
        var position = start
        let negative = bytes[position] == UInt8(ascii: "-")
        if negative { position += 1 }
        var value = 0
        while position < end {
            let digit = Int(bytes[position] &- UInt8(ascii: "0"))
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            // Negative numbers accumulate downwards so Int.min is representable.
            let (next, overflow2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return nil }
            value = next
            position += 1
        }
        return value
    }

    // string = '"' *char '"', with escapes and UTF-8 validation
    mutating func readString() throws(JSONParseError) -> String {
        index += 1  // opening quote
        let start = index
        // Fast path: plain ASCII with no escapes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte >= 0x80 || byte < 0x20 { break }
            index += 1
        }
        var buffer: [UInt8] = Array(bytes[start..<index])
        while true {
            guard index < bytes.count else { throw error("unexpected end of input inside a string") }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try readEscape(into: &buffer)
            case 0..<0x20:
                throw error("control character \\u\(hex4(UInt16(byte))) must be escaped in a string")
            case 0x80...:
                try readUTF8Scalar(into: &buffer)
            default:
                buffer.append(byte)
                index += 1
            }
        }
    }

    mutating func readEscape(into buffer: inout [UInt8]) throws(JSONParseError) {
        index += 1
        guard index < bytes.count else { throw error("unexpected end of input in an escape sequence") }
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(byte)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            index -= 1
            let scalar = try readUnicodeEscape()
            appendUTF8(scalar, to: &buffer)
            return
        default:
            throw error("invalid escape '\\\(describe(byte))'")
        }
        index += 1
    }

    /// Reads `\uXXXX` (index at the backslash), combining a surrogate pair into one scalar.
    mutating func readUnicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
        let escapeStart = index
        let high = try readHex4()
        if (0xDC00...0xDFFF).contains(high) {
            index = escapeStart
            throw error("lone low surrogate \\u\(hex4(high)) in a string")
        }
        if (0xD800...0xDBFF).contains(high) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                index = escapeStart
                throw error("high surrogate \\u\(hex4(high)) not followed by a low surrogate")
            }
            let lowStart = index
            let low = try readHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                index = lowStart
                throw error("high surrogate \\u\(hex4(high)) followed by \\u\(hex4(low)), not a low surrogate")
            }
            let value = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else { throw error("invalid surrogate pair") }
            return scalar
        }
        guard let scalar = Unicode.Scalar(UInt32(high)) else { throw error("invalid unicode escape") }
        return scalar
    }

    /// Reads `\uXXXX` starting at the backslash; leaves index after the four hex digits.
    mutating func readHex4() throws(JSONParseError) -> UInt16 {
        index += 2
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw error("unexpected end of input in a \\u escape") }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("expected four hex digits after \\u")
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    /// Validates one multi-byte UTF-8 sequence (no overlongs, no surrogates, ≤ U+10FFFF).
    mutating func readUTF8Scalar(into buffer: inout [UInt8]) throws(JSONParseError) {
        let lead = bytes[index]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: throw error("invalid UTF-8 byte 0x\(hex2(lead))")
        }
        for offset in 1..<length {
            let position = index + offset
            guard position < bytes.count else {
                index = bytes.count
                throw error("unexpected end of input inside a UTF-8 sequence")
            }
            let byte = bytes[position]
            let (low, high) = offset == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= low && byte <= high else {
                index = position
                throw error("invalid UTF-8 continuation byte 0x\(hex2(byte))")
            }
        }
        buffer.append(contentsOf: bytes[index..<(index + length)])
        index += length
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    func appendUTF8(_ scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
        UTF8.encode(scalar) { buffer.append($0) }
    }

    func describe(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F { return String(UnicodeScalar(byte)) }
        return "\\x" + hex2(byte)
    }

    func hex2(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    func hex4(_ value: UInt16) -> String { hex2(UInt8(value >> 8)) + hex2(UInt8(value & 0xFF)) }

    /// Builds the error at the current index, computing line and column only now (errors are rare).
    func error(_ message: String) -> JSONParseError {
        let offset = min(index, bytes.count)
        var line = 1
        var lineStart = 0
        for position in 0..<offset where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        return JSONParseError(offset: offset, line: line, column: offset - lineStart + 1, message: message)
    }
}
