// String literals: one scan finds where a literal ends and where its own `${…}` are; its text is
// then split into pieces with escapes decoded (`stringPieces`), which the parser reads instead of the bytes.

extension Lexer {
    /// A string token covers both quotes; one that needs decoding carries its pieces (`Token.pieces`).
    mutating func lexString() {
        let start = position
        var flags: Token.Flags = []
        // Where each interpolation's `$` and closing brace are (allocated only when there are some).
        var interpolations: [(dollar: Int, close: Int)] = []
        let (stringEnd, terminated) = scanString(from: start, flags: &flags, interpolations: &interpolations)
        position = stringEnd
        pendingContinuation = false
        if !terminated {
            flags.insert(.unterminated)
            report("unterminated string", start, start + 1, help: "add a closing '\"'")
            if stringEnd >= buffer.count { isIncomplete = true }
        }
        var pieces = 0
        if flags.contains(.needsDecoding) {
            let first = stringPieces.count
            let textEnd = max(start + 1, terminated ? stringEnd - 1 : stringEnd)
            // In an unterminated string everything up to the end of input is already one error:
            // its interpolations stay text.
            decodePieces(from: start + 1, to: textEnd, interpolations: terminated ? interpolations : nil)
            pieces = Token.packPieces(first: discardedPieces + first, count: stringPieces.count - first)
        }
        tokens.append(Token(kind: .string, flags: flags, start: start, end: stringEnd, value: pieces))
    }

    /// A string byte that needs no attention: not a quote, backslash, `$`, NUL or the start of a multi-byte scalar.
    @inline(__always)
    static func isPlainStringByte(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != 0 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "$")
    }

    /// Finds the end of the string opening at `start`, stepping over nested `${ … "…" … }` with an
    /// explicit stack (no recursion, so no input can overflow the stack). Reports invalid bytes
    /// inside, and records where the literal's own interpolations open and close.
    mutating func scanString(from start: Int, flags: inout Token.Flags,
                             interpolations: inout [(dollar: Int, close: Int)]) -> (end: Int, terminated: Bool) {
        var index = start + 1
        var inString = true
        // How many interpolations are open, how many braces deep the innermost one's expression is,
        // and the same count for each enclosing one (the array is touched only by nested
        // interpolations, so a plain `${x}` allocates nothing).
        var openInterpolations = 0
        var braces = 0
        var enclosingBraces: [Int] = []
        var outermostDollar = 0
        while index < end {
            if inString {
                // Most of a string is plain text: skip it in a tight loop, then decide on the byte that stops it.
                while index < end, Lexer.isPlainStringByte(buffer[index]) { index += 1 }
                guard index < end else { break }
            }
            let byte = buffer[index]
            if inString {
                switch byte {
                case UInt8(ascii: "\""):
                    if openInterpolations == 0 { return (index + 1, true) }
                    inString = false
                    index += 1
                case UInt8(ascii: "\\"):
                    flags.insert(.needsDecoding)
                    // Skip the whole escaped character: `\é` is one unknown escape, and the
                    // decoder reports it; its second byte is not an invalid byte of its own.
                    let escaped = index + 1 < end && buffer[index + 1] >= 0x80
                        ? Lexer.utf8ScalarLength(buffer, at: index + 1, end: end) ?? 1 : 1
                    index += 1 + escaped
                case UInt8(ascii: "$") where index + 1 < end && buffer[index + 1] == UInt8(ascii: "{"):
                    flags.insert(.needsDecoding)
                    if openInterpolations > 0 { enclosingBraces.append(braces) } else { outermostDollar = index }
                    openInterpolations += 1
                    braces = 0
                    inString = false
                    index += 2
                case 0:
                    report("NUL byte in a string", index, index + 1, help: "write \\0 for a NUL character")
                    index += 1
                case 0x80...:
                    index += checkedScalarLength(at: index)
                default:
                    index += 1
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""):
                    inString = true
                case UInt8(ascii: "{"):
                    braces += 1
                case UInt8(ascii: "}") where braces > 0:
                    braces -= 1
                case UInt8(ascii: "}"):
                    openInterpolations -= 1
                    if openInterpolations > 0 {
                        braces = enclosingBraces.removeLast()
                    } else {
                        interpolations.append((outermostDollar, index))
                    }
                    inString = true
                default:
                    break
                }
                index += 1
            }
        }
        return (min(index, end), false)
    }

    /// The length of the UTF-8 scalar at `index` in a string, or 1 after reporting an invalid byte there.
    mutating func checkedScalarLength(at index: Int) -> Int {
        if let length = Lexer.utf8ScalarLength(buffer, at: index, end: end) { return length }
        report("invalid UTF-8 byte 0x\(hex(buffer[index])) in a string", index, index + 1)
        return 1
    }

    // MARK: - Pieces

    /// Splits the literal's text `start..<end` into pieces, decoding escapes. Each `${` is the next
    /// of the `interpolations` that `scanString` recorded; without them (nil) it is text.
    mutating func decodePieces(from start: Int, to end: Int, interpolations: [(dollar: Int, close: Int)]?) {
        var segmentCount = 0
        var nextInterpolation = 0
        // Text between escapes is taken straight from the source; `decoded` collects a piece only
        // once it has an escape, so strings that are only interpolated allocate no scratch buffer.
        var decoded: [UInt8] = []
        var runStart = start
        var position = start
        while position < end {
            let byte = buffer[position]
            if byte == UInt8(ascii: "\\") {
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<position]))
                position = decodeEscape(at: position, end: end, into: &decoded)
                runStart = position
            } else if byte == UInt8(ascii: "$"), position + 1 < end, buffer[position + 1] == UInt8(ascii: "{"),
                      let interpolations {
                if runStart < position || !decoded.isEmpty {
                    appendText(from: runStart, to: position, decoded: &decoded)
                    segmentCount += 1
                }
                let (dollar, close) = interpolations[nextInterpolation]
                assert(dollar == position, "the decoder and scanString disagree on an interpolation")
                nextInterpolation += 1
                stringPieces.append(.interpolation(dollar: Int32(truncatingIfNeeded: dollar), close: Int32(truncatingIfNeeded: close)))
                segmentCount += 1
                position = min(close + 1, end)
                runStart = position
            } else {
                position += 1
            }
        }
        if runStart < position || !decoded.isEmpty || segmentCount == 0 {
            appendText(from: runStart, to: position, decoded: &decoded)
        }
    }

    /// A text piece: what `decoded` holds, then the source bytes `start..<end`; empties `decoded`.
    /// Text without escapes stays a range of the source, so it costs no `String`.
    mutating func appendText(from start: Int, to end: Int, decoded: inout [UInt8]) {
        if decoded.isEmpty {
            stringPieces.append(.text(start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end)))
            return
        }
        decoded.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<end]))
        stringPieces.append(.decoded(String(decoding: decoded, as: UTF8.self)))
        decoded.removeAll(keepingCapacity: true)
    }

    /// Decodes the escape at `position` (a backslash) and returns the offset after it.
    mutating func decodeEscape(at position: Int, end: Int, into bytes: inout [UInt8]) -> Int {
        guard position + 1 < end else {
            reportEscape("unfinished escape at the end of the string", position, position + 1, help: "write \\\\ for a backslash")
            return end
        }
        let escaped = buffer[position + 1]
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "$"):
            bytes.append(escaped)
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "0"): bytes.append(0x00)
        case UInt8(ascii: "u"):
            return decodeUnicodeEscape(at: position, end: end, into: &bytes)
        default:
            let length = Lexer.utf8ScalarLength(buffer, at: position + 1, end: end) ?? 1
            reportEscape("unknown escape '\(text(position, position + 1 + length))'", position, position + 1 + length,
                         help: "the escapes are \\\" \\\\ \\n \\t \\r \\0 \\$ and \\u{1F600}; write \\\\ for a backslash")
            return position + 1 + length
        }
        return position + 2
    }

    /// `\u{1F600}`: one to six hex digits naming a Unicode scalar (not a surrogate).
    mutating func decodeUnicodeEscape(at position: Int, end: Int, into bytes: inout [UInt8]) -> Int {
        var cursor = position + 2
        guard cursor < end, buffer[cursor] == UInt8(ascii: "{") else {
            reportEscape("expected '{' after '\\u'", position, min(cursor + 1, end), help: "write a code point like \\u{1F600}")
            return min(cursor, end)
        }
        cursor += 1
        var value: UInt32 = 0
        var digits = 0
        while cursor < end, let digit = Lexer.hexValue(buffer[cursor]) {
            if digits < 8 { value = value &* 16 &+ digit }
            digits += 1
            cursor += 1
        }
        guard cursor < end, buffer[cursor] == UInt8(ascii: "}"), digits >= 1 else {
            reportEscape("expected hex digits and '}' in '\\u{…}'", position, min(cursor + 1, end), help: "write a code point like \\u{1F600}")
            return min(cursor, end)
        }
        cursor += 1
        guard digits <= 6, let scalar = Unicode.Scalar(value) else {
            reportEscape("'\\u{…}' is not a valid Unicode scalar", position, cursor,
                         help: "use a code point up to 10FFFF that is not a surrogate (D800-DFFF)")
            return cursor
        }
        bytes.append(contentsOf: String(Character(scalar)).utf8)
        return cursor
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// A bad escape, kept with the pieces for the parser to report (`StringPiece.invalidEscape`).
    mutating func reportEscape(_ message: String, _ start: Int, _ end: Int, help: String) {
        stringPieces.append(.invalidEscape(.error(message, at: SourceSpan(file: file, start: start, end: end), help: help)))
    }

    /// Piece number `number` of the input (see `Token.pieces`).
    @inline(__always)
    func stringPiece(_ number: Int) -> StringPiece { stringPieces[number - discardedPieces] }
}
