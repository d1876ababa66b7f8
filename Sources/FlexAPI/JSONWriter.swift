// Deterministic JSON writer: key order kept, exact numbers, RFC 8259 escaping, optional pretty form.

extension JSON {
    /// The JSON text of this value. Compact (`{"a":1}`) or pretty (two-space indent, `"a": 1`).
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// The UTF-8 bytes of `serialized(pretty:)`, for writing to a socket or file without a copy.
    public func serializedBytes(pretty: Bool = false) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty)
        writer.write(self, indent: 0)
        return writer.output
    }
}

struct JSONWriter {
    let pretty: Bool
    var output: [UInt8] = []

    init(pretty: Bool) {
        self.pretty = pretty
        output.reserveCapacity(1024)
    }

    // Recursion depth follows the value's own depth; values built by the reader are ≤ 512 deep.
    mutating func write(_ value: JSON, indent: Int) {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .integer(let number): append(String(number))
        case .decimal(let text): append(text)
        case .string(let text): writeString(text)
        case .array(let elements):
            if elements.isEmpty { append("[]"); return }
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(indent + 1)
                write(element, indent: indent + 1)
            }
            newline(indent)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            if object.isEmpty { append("{}"); return }
            output.append(UInt8(ascii: "{"))
            var first = true
            for entry in object {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                newline(indent + 1)
                writeString(entry.key)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
                write(entry.value, indent: indent + 1)
            }
            newline(indent)
            output.append(UInt8(ascii: "}"))
        }
    }

    mutating func newline(_ indent: Int) {
        guard pretty else { return }
        output.append(0x0A)
        for _ in 0..<(indent * 2) { output.append(0x20) }
    }

    mutating func append(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func writeString(_ text: String) {
        output.append(UInt8(ascii: "\""))
        var text = text
        // Runs of bytes that need no escape are copied whole: most strings are one such run.
        text.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                escape(byte)
                runStart = index + 1
            }
            if runStart < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        output.append(UInt8(ascii: "\""))
    }

    mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\")); output.append(byte)
        case 0x0A: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "t"))
        case 0x08: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "b"))
        case 0x0C: output.append(UInt8(ascii: "\\")); output.append(UInt8(ascii: "f"))
        default:
            // Other control characters as \u00XX (RFC 8259 requires escaping below 0x20).
            output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            output.append(JSONWriter.hexDigits[Int(byte >> 4)])
            output.append(JSONWriter.hexDigits[Int(byte & 0xF)])
        }
    }
}
