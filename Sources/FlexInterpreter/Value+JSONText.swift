// `json()`'s text written straight from the value, byte for byte what `value.json.serialized()`
// gives, but into a TextBuilder: it stops at the string limit and never builds the JSON tree of
// a huge (or hugely shared) value first.
import FlexAPI

extension Value {
    func writeJSON(to output: inout TextBuilder) {
        switch self {
        case .null: output.append("null")
        case .bool(let b): output.append(b ? "true" : "false")
        case .integer(let i): output.append(String(i))
        case .decimal(let d): output.append(d.description)
        case .string(let s), .id(let s): Value.writeJSONString(s, to: &output)
        case .duration(let seconds): output.append(String(seconds))
        case .function(let f): Value.writeJSONString("<function \(f.name)>", to: &output)
        case .array(let elements): Value.writeJSON(.array(elements), to: &output)
        case .object(let object): Value.writeJSON(.object(object), to: &output)
        case .list(let list):
            output.requireRoom(list.minimumTextSize)
            output.append(byte: UInt8(ascii: "["))
            for (index, element) in list.enumerated() {
                if output.isStopped { return }
                if index > 0 { output.append(byte: UInt8(ascii: ",")) }
                element.writeJSON(to: &output)
            }
            output.append(byte: UInt8(ascii: "]"))
        case .record(let record):
            output.append(byte: UInt8(ascii: "{"))
            for index in record.keys.indices {
                if output.isStopped { return }
                if index > 0 { output.append(byte: UInt8(ascii: ",")) }
                Value.writeJSONString(record.keys[index], to: &output)
                output.append(byte: UInt8(ascii: ":"))
                record.values[index].writeJSON(to: &output)
            }
            output.append(byte: UInt8(ascii: "}"))
        }
    }

    /// JSON kept from the API, compact, as FlexAPI's writer writes it.
    static func writeJSON(_ json: JSON, to output: inout TextBuilder) {
        switch json {
        case .null: output.append("null")
        case .bool(let b): output.append(b ? "true" : "false")
        case .integer(let i): output.append(String(i))
        case .decimal(let text): output.append(text)
        case .string(let s): writeJSONString(s, to: &output)
        case .array(let elements):
            output.append(byte: UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if output.isStopped { return }
                if index > 0 { output.append(byte: UInt8(ascii: ",")) }
                writeJSON(element, to: &output)
            }
            output.append(byte: UInt8(ascii: "]"))
        case .object(let object):
            output.append(byte: UInt8(ascii: "{"))
            for (index, entry) in object.enumerated() {
                if output.isStopped { return }
                if index > 0 { output.append(byte: UInt8(ascii: ",")) }
                writeJSONString(entry.key, to: &output)
                output.append(byte: UInt8(ascii: ":"))
                writeJSON(entry.value, to: &output)
            }
            output.append(byte: UInt8(ascii: "}"))
        }
    }

    /// A JSON string literal with RFC 8259 escapes (the same choices as FlexAPI's JSONWriter).
    static func writeJSONString(_ text: String, to output: inout TextBuilder) {
        writeEscaped(text, to: &output, needsEscape: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") },
                     escape: jsonEscape)
    }

    private static let hexDigits = Array("0123456789abcdef")

    private static func jsonEscape(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\""): "\\\""
        case UInt8(ascii: "\\"): "\\\\"
        case 0x0A: "\\n"
        case 0x0D: "\\r"
        case 0x09: "\\t"
        case 0x08: "\\b"
        case 0x0C: "\\f"
        default: "\\u00" + String(hexDigits[Int(byte >> 4)]) + String(hexDigits[Int(byte & 0xF)])
        }
    }
}
