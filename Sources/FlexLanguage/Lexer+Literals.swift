// Literals: integers, exact decimals, money in cents, durations in seconds (strings: Lexer+Strings.swift).

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
}
