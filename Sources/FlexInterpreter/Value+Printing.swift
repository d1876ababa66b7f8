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

    /// The form inside lists and records and in expectation notes: strings quoted, IDs bare. A
    /// diagnostic must finish, so nothing is polled, but a value doubled into itself would print
    /// for ever: the text stops at the string limit and ends in "…".
    public var quoted: String {
        var output = TextBuilder(limit: Interpreter.maximumTextSize, interruption: nil)
        write(to: &output)
        return output.isStopped ? output.text + "…" : output.text
    }

    /// Writes `printed` into a builder (which may stop early at its limit).
    func writePrinted(to output: inout TextBuilder) {
        switch self {
        case .string(let s), .id(let s): output.append(s)
        default: write(to: &output)
        }
    }

    /// A lower bound on the bytes this value takes inside a list, quoted or as JSON; O(1).
    var minimumTextSize: Int {
        switch self {
        case .list(let list): list.minimumTextSize
        case .record(let record): record.minimumTextSize
        // O(1): a native string knows its UTF-8 length.
        case .string(let s): max(2, s.utf8.count)
        case .id(let s): max(1, s.utf8.count)
        case .object, .array: 2
        default: 1
        }
    }

    /// Writes the quoted form; stops as soon as the builder does.
    func write(to output: inout TextBuilder) {
        switch self {
        case .null: output.append("null")
        case .bool(let b): output.append(b ? "true" : "false")
        case .integer(let i): output.append(String(i))
        case .decimal(let d): output.append(d.description)
        case .string(let s): Value.writeQuoted(s, to: &output)
        case .id(let s): output.append(s)
        case .duration(let seconds): output.append(Value.durationText(seconds))
        case .function(let f): output.append("<function \(f.name)>")
        case .list, .array:
            output.requireRoom(minimumTextSize)
            output.append(byte: UInt8(ascii: "["))
            for (index, element) in (listElements ?? []).enumerated() {
                if output.isStopped { return }
                if index > 0 { output.append(", ") }
                element.write(to: &output)
            }
            output.append(byte: UInt8(ascii: "]"))
        case .record, .object:
            output.append(byte: UInt8(ascii: "{"))
            for (index, entry) in (recordEntries ?? []).enumerated() {
                if output.isStopped { return }
                if index > 0 { output.append(", ") }
                output.append(entry.key)
                output.append(": ")
                entry.value.write(to: &output)
            }
            output.append(byte: UInt8(ascii: "}"))
        }
    }

    /// A string in double quotes with `"`, `\`, control characters and DEL escaped.
    static func writeQuoted(_ text: String, to output: inout TextBuilder) {
        writeEscaped(text, to: &output, needsEscape: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") },
                     escape: quotedEscape)
    }

    /// `text` in double quotes, each byte `needsEscape` picks written as `escape` gives it. Escaped
    /// bytes are ASCII, so the runs between them (multi-byte characters included) are copied whole.
    static func writeEscaped(_ text: String, to output: inout TextBuilder, needsEscape: (UInt8) -> Bool, escape: (UInt8) -> String) {
        output.append(byte: UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count where needsEscape(bytes[index]) {
                if runStart < index { output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                output.append(escape(bytes[index]))
                runStart = index + 1
            }
            if runStart < bytes.count { output.append(UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        output.append(byte: UInt8(ascii: "\""))
    }

    private static func quotedEscape(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\""): "\\\""
        case UInt8(ascii: "\\"): "\\\\"
        case 0x0A: "\\n"
        case 0x09: "\\t"
        case 0x0D: "\\r"
        default: "\\u{" + String(byte, radix: 16, uppercase: true) + "}"
        }
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
        shownLines(limit: Interpreter.maximumTextSize, interruption: nil).text
    }

    /// The `show` text, built until it passes `limit` bytes or the run is interrupted.
    func shownLines(limit: Int, interruption: Interruption?) -> ShownLines {
        var lines = ShownLines(limit: limit, interruption: interruption)
        Value.show(self, indent: "", into: &lines)
        return lines
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

    private static func show(_ value: Value, indent: String, into lines: inout ShownLines) {
        if let entries = value.recordEntries {
            if entries.isEmpty { lines.append(indent + "{}"); return }
            for (key, field) in entries where !lines.isStopped {
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
                for element in elements where !lines.isStopped {
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
    private static func table(_ records: [Value], indent: String, into lines: inout ShownLines) {
        let rows = records.map { $0.recordEntries ?? [] }
        let columns = tableColumns(rows)
        if columns.isEmpty {
            for record in records where !lines.isStopped {
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
        for row in cells where !lines.isStopped { lines.append(line(row)) }
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
