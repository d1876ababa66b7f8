// Literals: integers, exact decimals, money in cents, durations in seconds, and the extent of strings with `${…}`.

extension Lexer {
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Accumulates decimal digits from `position`, reporting overflow instead of trapping.
    mutating func scanDigits(into value: inout Int, overflow: inout Bool, count: inout Int) {
        while position < end, Lexer.isDigit(buffer[position]) {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(buffer[position] &- UInt8(ascii: "0")))
            if o1 || o2 { overflow = true } else { value = sum }
            count += 1
            position += 1
        }
    }

    /// Letters glued to a number: a duration unit, or an error.
    mutating func scanSuffix() -> (start: Int, length: Int) {
        let start = position
        while position < end, Lexer.isWordByte(buffer[position]) { position += 1 }
        return (start, position - start)
    }

    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
    }

    mutating func report(_ message: String, _ start: Int, _ end: Int, help: String? = nil) {
        diagnostics.append(.error(message, at: SourceSpan(file: file, start: start, end: end), help: help))
    }

    // number = digits [ "." digits ] [ "s" | "m" | "h" | "d" ]
    mutating func lexNumber() {
        let start = position
        var value = 0, overflow = false, digits = 0, scale = 0
        scanDigits(into: &value, overflow: &overflow, count: &digits)
        var isDecimal = false
        if position + 1 < end, buffer[position] == UInt8(ascii: "."), Lexer.isDigit(buffer[position + 1]) {
            isDecimal = true
            position += 1
            scanDigits(into: &value, overflow: &overflow, count: &scale)
        }
        let suffix = scanSuffix()
        pendingContinuation = false
        var flags: Token.Flags = []
        var kind: TokenKind = isDecimal ? .decimal : .integer
        if suffix.length == 1, let unit = Lexer.durationUnit(buffer[suffix.start]) {
            kind = .duration
            if isDecimal {
                report("a duration must be a whole number", start, position, help: "use a smaller unit: 90m instead of 1.5h")
                flags.insert(.malformed)
            } else {
                let (seconds, o) = value.multipliedReportingOverflow(by: unit)
                if overflow || o {
                    report("duration is too large", start, position)
                    flags.insert(.malformed)
                } else {
                    value = seconds
                }
            }
        } else if suffix.length > 0 {
            let word = text(suffix.start, position)
            report("unexpected '\(word)' after a number", suffix.start, position,
                   help: "durations are written 30s, 15m, 2h or 7d; put a space between a number and a word")
            flags.insert(.malformed)
        } else if overflow {
            if isDecimal {
                report("decimal literal has too many digits", start, position, help: "a decimal has at most 18 significant digits")
            } else {
                report("integer literal is too large", start, position, help: "the largest integer is \(Int.max)")
            }
            flags.insert(.malformed)
        }
        tokens.append(Token(kind: kind, flags: flags, scale: UInt8(truncatingIfNeeded: min(scale, 255)), start: start, end: position, value: value))
    }

    static func durationUnit(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "s"): return 1
        case UInt8(ascii: "m"): return 60
        case UInt8(ascii: "h"): return 3600
        case UInt8(ascii: "d"): return 86400
        default: return nil
        }
    }

    // money = "$" digits [ "." digit [ digit ] ]   (integer cents, never floating point)
    mutating func lexMoney() {
        let start = position
        guard position + 1 < end, Lexer.isDigit(buffer[position + 1]) else {
            strayBytes(length: 1, message: "expected digits after '$'", help: "write money as $24.99 or as integer cents: 2499")
            return
        }
        position += 1
        var dollars = 0, overflow = false, digits = 0
        scanDigits(into: &dollars, overflow: &overflow, count: &digits)
        var flags: Token.Flags = []
        var cents = 0
        if position + 1 < end, buffer[position] == UInt8(ascii: "."), Lexer.isDigit(buffer[position + 1]) {
            position += 1
            var fraction = 0, fractionOverflow = false, fractionDigits = 0
            scanDigits(into: &fraction, overflow: &fractionOverflow, count: &fractionDigits)
            if fractionDigits > 2 {
                report("money has at most 2 decimal places", start, position,
                       help: "write whole cents, e.g. $24.99, or an integer number of cents: 2499")
                flags.insert(.malformed)
            } else {
                cents = fractionDigits == 1 ? fraction * 10 : fraction
            }
        }
        let suffix = scanSuffix()
        pendingContinuation = false
        if suffix.length > 0, !flags.contains(.malformed) {
            report("unexpected '\(text(suffix.start, position))' after a money amount", suffix.start, position,
                   help: "put a space between an amount and a word")
            flags.insert(.malformed)
        }
        var value = 0
        if !flags.contains(.malformed) {
            let (scaled, o1) = dollars.multipliedReportingOverflow(by: 100)
            let (total, o2) = scaled.addingReportingOverflow(cents)
            if overflow || o1 || o2 {
                report("money amount is too large", start, position, help: "the largest amount is $\(Int.max / 100 - 1).99")
                flags.insert(.malformed)
            } else {
                value = total
            }
        }
        tokens.append(Token(kind: .money, flags: flags, start: start, end: position, value: value))
    }

    /// A string token covers both quotes; its contents (escapes, `${…}`) are decoded by the parser.
    mutating func lexString() {
        let start = position
        var flags: Token.Flags = []
        let (stringEnd, terminated) = scanString(from: start, flags: &flags)
        position = stringEnd
        pendingContinuation = false
        if !terminated {
            flags.insert(.unterminated)
            report("unterminated string", start, start + 1, help: "add a closing '\"'")
            if stringEnd >= buffer.count { isIncomplete = true }
        }
        tokens.append(Token(kind: .string, flags: flags, start: start, end: stringEnd))
    }

    /// A string byte that needs no attention: not a quote, backslash, `$`, NUL or the start of a multi-byte scalar.
    @inline(__always)
    static func isPlainStringByte(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != 0 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "$")
    }

    /// Finds the end of the string opening at `start`, stepping over nested `${ … "…" … }` with an
    /// explicit stack (no recursion, so no input can overflow the stack). Reports invalid bytes inside.
    mutating func scanString(from start: Int, flags: inout Token.Flags) -> (end: Int, terminated: Bool) {
        var index = start + 1
        var inString = true
        // How many `${` are open, how many `{` deep the innermost one's expression is, and the same
        // count for each enclosing one (the array is touched only by nested interpolations, so a
        // plain `${x}` allocates nothing).
        var openInterpolations = 0
        var braces = 0
        var enclosingBraces: [Int] = []
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
                    index += 2
                case UInt8(ascii: "$"):
                    if index + 1 < end, buffer[index + 1] == UInt8(ascii: "{") {
                        flags.insert(.needsDecoding)
                        if openInterpolations > 0 { enclosingBraces.append(braces) }
                        openInterpolations += 1
                        braces = 0
                        inString = false
                        index += 2
                    } else {
                        index += 1
                    }
                case 0:
                    report("NUL byte in a string", index, index + 1, help: "write \\0 for a NUL character")
                    index += 1
                case 0x80...:
                    if let length = Lexer.utf8ScalarLength(buffer, at: index, end: end) {
                        index += length
                    } else {
                        report("invalid UTF-8 byte 0x\(hex(byte)) in a string", index, index + 1)
                        index += 1
                    }
                default:
                    index += 1
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""):
                    inString = true
                case UInt8(ascii: "{"):
                    braces += 1
                case UInt8(ascii: "}"):
                    if braces == 0 {
                        openInterpolations -= 1
                        braces = openInterpolations > 0 ? enclosingBraces.removeLast() : 0
                        inString = true
                    } else {
                        braces -= 1
                    }
                default:
                    break
                }
                index += 1
            }
        }
        return (min(index, end), false)
    }

    /// The offset of the `}` closing an interpolation whose expression starts at `start`, skipping
    /// nested braces and strings the same way `scanString` does; nil when it is not closed before `end`.
    static func interpolationEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int? {
        var index = start
        var braces = 0
        // Depth of strings opened inside this interpolation, each with its own `${` brace counters.
        var stack: [Int] = []
        var inString = false
        while index < end {
            let byte = buffer[index]
            if inString {
                switch byte {
                case UInt8(ascii: "\""):
                    inString = false
                    index += 1
                case UInt8(ascii: "\\"):
                    index += 2
                case UInt8(ascii: "$") where index + 1 < end && buffer[index + 1] == UInt8(ascii: "{"):
                    stack.append(braces)
                    braces = 0
                    inString = false
                    index += 2
                default:
                    index += 1
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""):
                    inString = true
                case UInt8(ascii: "{"):
                    braces += 1
                case UInt8(ascii: "}"):
                    if braces == 0 {
                        guard let outer = stack.popLast() else { return index }
                        braces = outer
                        inString = true
                    } else {
                        braces -= 1
                    }
                default:
                    break
                }
                index += 1
            }
        }
        return nil
    }
}
