// The source excerpt under a diagnostic: the first line its span touches, made printable, and
// where the carets go in display columns.

extension DiagnosticRenderer {
    /// Tabs show as four spaces; control characters and invalid UTF-8 as U+FFFD.
    struct Excerpt {
        static let tabWidth = 4

        let lineNumber: Int
        /// 1-based, in Unicode scalars, as SourceFile.location computes it (a tab is one column).
        let column: Int
        let text: String
        let caretOffset: Int
        let caretCount: Int

        init(file: SourceFile, span: SourceSpan) {
            let bytes = file.bytes
            let start = min(max(0, span.start), bytes.count)
            let location = file.location(of: start)
            lineNumber = location.line
            column = location.column
            let lineStarts = file.lineStarts
            let lineStart = lineStarts[location.line - 1]
            var lineEnd = location.line < lineStarts.count ? lineStarts[location.line] - 1 : bytes.count
            if lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            // A multi-line span gets carets to the end of its first line.
            let end = min(max(start, span.end), lineEnd)

            var text = ""
            var width = 0
            var caretOffset: Int?
            var caretEnd: Int?
            var index = lineStart
            while index < lineEnd {
                if index >= start, caretOffset == nil { caretOffset = width }
                if index >= end, caretEnd == nil, index >= start { caretEnd = width }
                let length = Self.scalarLength(bytes, at: index, limit: lineEnd)
                let byte = bytes[index]
                if byte == UInt8(ascii: "\t") {
                    text += String(repeating: " ", count: Self.tabWidth)
                    width += Self.tabWidth
                } else if length == 0 || byte < 0x20 || byte == 0x7F {
                    text += "\u{FFFD}"
                    width += 1
                } else {
                    text += String(decoding: bytes[index..<(index + length)], as: UTF8.self)
                    width += 1
                }
                index += max(1, length)
            }
            let offset = caretOffset ?? width
            self.text = text
            self.caretOffset = offset
            self.caretCount = max(1, (caretEnd ?? width) - offset)
        }

        /// The byte length of the well-formed UTF-8 scalar at `index`, or 0 when the bytes there are not one.
        static func scalarLength(_ bytes: [UInt8], at index: Int, limit: Int) -> Int {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: return 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return 0
            }
            guard index + length <= limit else { return 0 }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
            // Reject overlong and surrogate encodings the way the standard decoder does.
            let second = bytes[index + 1]
            if lead == 0xE0, second < 0xA0 { return 0 }
            if lead == 0xED, second > 0x9F { return 0 }
            if lead == 0xF0, second < 0x90 { return 0 }
            if lead == 0xF4, second > 0x8F { return 0 }
            return length
        }
    }
}
