// How values read as text: `print` and interpolation (compact, one line), and inside collections
// and diagnostics (strings quoted with escapes). See docs/language.md "Values, printing and running".

extension Value {
    /// The text `print`, `string()` and interpolation write: strings and IDs raw.
    public var printed: String {
        switch self {
        case .string(let s), .id(let s): s
        default: quoted
        }
    }

    /// The form inside lists and records and in expectation notes: strings quoted, IDs bare.
    public var quoted: String {
        var output = ""
        write(to: &output)
        return output
    }

    func write(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let b): output += b ? "true" : "false"
        case .integer(let i): output += String(i)
        case .decimal(let d): output += d.description
        case .string(let s): Value.writeQuoted(s, to: &output)
        case .id(let s): output += s
        case .duration(let seconds): output += Value.durationText(seconds)
        case .function(let f): output += "<function \(f.name)>"
        case .list, .array:
            output += "["
            for (index, element) in (listElements ?? []).enumerated() {
                if index > 0 { output += ", " }
                element.write(to: &output)
            }
            output += "]"
        case .record, .object:
            output += "{"
            for (index, entry) in (recordEntries ?? []).enumerated() {
                if index > 0 { output += ", " }
                output += entry.key
                output += ": "
                entry.value.write(to: &output)
            }
            output += "}"
        }
    }

    static func writeQuoted(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    /// The largest unit that divides the duration exactly: `7d`, `2h`, `90m`, `45s`.
    static func durationText(_ seconds: Int) -> String {
        if seconds != 0 {
            if seconds % 86_400 == 0 { return "\(seconds / 86_400)d" }
            if seconds % 3_600 == 0 { return "\(seconds / 3_600)h" }
            if seconds % 60 == 0 { return "\(seconds / 60)m" }
        }
        return "\(seconds)s"
    }

    /// `show`: records as indented `key: value` lines, lists of records as a table of their
    /// common scalar columns, other lists one element per line.
    public var shown: String {
        var lines: [String] = []
        Value.show(self, indent: "", into: &lines)
        return lines.joined(separator: "\n")
    }

    private var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    private var isScalar: Bool {
        switch self {
        case .list, .array, .record, .object: false
        default: true
        }
    }

    private static func show(_ value: Value, indent: String, into lines: inout [String]) {
        if let entries = value.recordEntries {
            if entries.isEmpty { lines.append(indent + "{}"); return }
            for (key, field) in entries {
                if field.isScalar || (field.listElements?.isEmpty ?? false) || (field.recordEntries?.isEmpty ?? false) {
                    lines.append(indent + key + ": " + field.printed)
                } else {
                    lines.append(indent + key + ":")
                    show(field, indent: indent + "  ", into: &lines)
                }
            }
        } else if let elements = value.listElements {
            if elements.isEmpty { lines.append(indent + "[]"); return }
            if elements.allSatisfy(\.isRecord) {
                table(elements, indent: indent, into: &lines)
            } else {
                for element in elements {
                    if element.isScalar {
                        lines.append(indent + "- " + element.printed)
                    } else {
                        lines.append(indent + "-")
                        show(element, indent: indent + "  ", into: &lines)
                    }
                }
            }
        } else {
            lines.append(indent + value.printed)
        }
    }

    /// A table of the columns every record has with a scalar value, in the first record's order.
    /// A field that is a record in every row (a payment method's `card`) contributes its own
    /// common scalar fields as `card.brand`, `card.last4`, one level deep, where it stands (leaving
    /// out those that are null in every row).
    private static func table(_ records: [Value], indent: String, into lines: inout [String]) {
        let rows = records.map { $0.recordEntries ?? [] }
        let columns = tableColumns(rows)
        if columns.isEmpty {
            for record in records {
                lines.append(indent + "-")
                show(record, indent: indent + "  ", into: &lines)
            }
            return
        }
        let cells: [[String]] = rows.map { row in
            columns.map { column in cell(row, column.path)?.printed ?? "" }
        }
        let header = columns.map { $0.path.joined(separator: ".") }
        var widths = header.map(\.count)
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        func line(_ row: [String]) -> String {
            var text = indent
            for (index, cell) in row.enumerated() {
                if index > 0 { text += "  " }
                text += index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }
            return text
        }
        lines.append(line(header))
        lines.append(line(widths.map { String(repeating: "-", count: $0) }))
        for row in cells { lines.append(line(row)) }
    }

    private struct Column { var path: [String] }

    /// The scalar columns all rows share, with one level of shared nested records spread out.
    private static func tableColumns(_ rows: [[(key: String, value: Value)]]) -> [Column] {
        var columns: [Column] = []
        for (key, value) in rows[0] {
            if value.isScalar {
                if rows.allSatisfy({ cell($0, [key])?.isScalar ?? false }) { columns.append(Column(path: [key])) }
            } else if let nested = value.recordEntries {
                for (inner, innerValue) in nested where innerValue.isScalar {
                    let path = [key, inner]
                    let values = rows.map { cell($0, path) }
                    // A spread column that is null in every row (an unset address) only adds width.
                    guard values.allSatisfy({ $0?.isScalar ?? false }), values.contains(where: { !($0?.isNull ?? true) }) else { continue }
                    columns.append(Column(path: path))
                }
            }
        }
        return columns
    }

    /// A row's value at `path` (a key, or a key then a field of the record under it).
    private static func cell(_ row: [(key: String, value: Value)], _ path: [String]) -> Value? {
        guard let first = row.first(where: { $0.key == path[0] })?.value else { return nil }
        return path.count == 1 ? first : first.field(path[1])
    }
}
