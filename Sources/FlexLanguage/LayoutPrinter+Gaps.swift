// The bytes between two tokens: blanks (dropped), line breaks (kept, runs collapsed), comments (kept where they were) and `\` continuations.

extension LayoutPrinter {
    /// Prints what lies in `source[start..<end]`, which holds no token: the lexer put only
    /// blanks, line breaks, comments and continuations there (a script with stray bytes does not parse).
    mutating func printGap(from start: Int, to end: Int) {
        var position = start
        while position < end {
            switch source[position] {
            case UInt8(ascii: "\n"):
                if atLineStart {
                    pendingNewlines += 1
                } else {
                    endLine()
                    pendingNewlines = 1
                }
                position += 1
            case UInt8(ascii: "#"):
                var commentEnd = position
                while commentEnd < end, source[commentEnd] != UInt8(ascii: "\n") { commentEnd += 1 }
                printComment(from: position, to: commentEnd)
                position = commentEnd
            case UInt8(ascii: "\\"):
                printContinuation()
                position += 1
            default:
                // Blanks: spaces, tabs, carriage returns, form feeds.
                position += 1
            }
        }
    }

    /// A comment on a line of its own is indented like the code around it; one after code stays
    /// on that line, one space after it. Trailing blanks of the comment are dropped.
    mutating func printComment(from start: Int, to end: Int) {
        var last = end
        while last > start, Self.isBlank(source[last - 1]) { last -= 1 }
        if atLineStart {
            startLine(closing: false)
        } else {
            output.append(UInt8(ascii: " "))
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<last]))
        lineEndsWithOpener = false
    }

    /// A `\` joining the next line to this one: it ends the line after one space, and the
    /// joined line is indented one level deeper.
    mutating func printContinuation() {
        if atLineStart {
            startLine(closing: false)
        } else {
            output.append(UInt8(ascii: " "))
        }
        output.append(UInt8(ascii: "\\"))
        lineEndsWithOpener = false
        continuesLine = true
    }

    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == 0x0C
    }
}
