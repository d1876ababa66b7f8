// Escapes outside and inside classes: `\d \w \s` and their negations, anchors `\A \z \Z \b \B`,
// control escapes, `\xHH \x{…} \uHHHH \u{…}`, `\Q…\E`, escaped punctuation; backreferences
// and the Unicode property classes get an error with an alternative.

extension RegexParser {
    /// After a backslash outside a class (`start` is the backslash).
    mutating func parseEscape(_ flags: Flags, start: Int) throws(RegexSyntaxError) -> RegexNode? {
        guard let scalar = peek else {
            throw error("the pattern ends with a lone backslash", from: start, length: 1, help: "write \\\\ to match a backslash")
        }
        switch scalar {
        case "A": position += 1; return .assertion(.textStart)
        case "z": position += 1; return .assertion(.textEnd)
        case "Z": position += 1; return .assertion(.textEndBeforeFinalNewline)
        case "b": position += 1; return .assertion(.wordBoundary)
        case "B": position += 1; return .assertion(.notWordBoundary)
        case "Q": return quotedLiteral(flags)
        default:
            switch try parseSharedEscape(start: start) {
            case .scalar(let value): return literal(value, flags)
            case .set(let set):
                var set = set
                set.caseless = flags.caseless
                set.buildASCIITable()
                return .set(set)
            }
        }
    }

    /// What an escape means both inside and outside a class.
    enum EscapeMeaning {
        case scalar(UInt32)
        case set(RegexScalarSet)
    }

    /// `\d \D \w \W \s \S`, control and code escapes, escaped punctuation; errors for the rest.
    mutating func parseSharedEscape(start: Int) throws(RegexSyntaxError) -> EscapeMeaning {
        guard let scalar = peek else {
            throw error("the pattern ends with a lone backslash", from: start, length: 1, help: "write \\\\ to match a backslash")
        }
        position += 1
        switch scalar {
        case "d": return .set(.shorthand(.digit, negated: false))
        case "D": return .set(.shorthand(.digit, negated: true))
        case "w": return .set(.shorthand(.word, negated: false))
        case "W": return .set(.shorthand(.word, negated: true))
        case "s": return .set(.shorthand(.space, negated: false))
        case "S": return .set(.shorthand(.space, negated: true))
        case "n": return .scalar(10)
        case "t": return .scalar(9)
        case "r": return .scalar(13)
        case "f": return .scalar(12)
        case "v": return .scalar(11)
        case "e": return .scalar(27)
        case "a": return .scalar(7)
        case "0": return .scalar(0)
        case "x": return .scalar(try parseCode(start: start, fixedDigits: 2))
        case "u": return .scalar(try parseCode(start: start, fixedDigits: 4))
        case "1"..."9", "k", "g":
            throw error("backreferences (\(text(start, position))…) are not supported: they need a backtracking engine",
                        from: start, length: 2,
                        help: "matches runs in linear time; compare the repeated part separately (capture is not available), or spell it out")
        case "p", "P":
            throw error("Unicode property classes (\\\(scalar){…}) are not supported", from: start, length: 2,
                        help: "write a class such as [A-Za-z] or use \\w, \\d, \\s")
        default:
            guard !scalar.properties.isAlphabetic, !(48...57).contains(scalar.value) else {
                throw error("unknown escape '\\\(scalar)'", from: start, length: 2,
                            help: "the escapes are \\d \\w \\s \\D \\W \\S \\b \\B \\A \\z \\Z \\n \\t \\r \\f \\v \\xHH \\u{…} \\Q…\\E; write \\\\ for a backslash")
            }
            return .scalar(scalar.value)
        }
    }

    /// `\xHH`, `\x{H…}`, `\uHHHH`, `\u{H…}` after the letter.
    private mutating func parseCode(start: Int, fixedDigits: Int) throws(RegexSyntaxError) -> UInt32 {
        let braced = peek == "{"
        if braced { position += 1 }
        var value: UInt32 = 0
        var digits = 0
        while let scalar = peek, let digit = RegexParser.hexValue(scalar), braced || digits < fixedDigits, digits < 8 {
            value = value * 16 + digit
            digits += 1
            position += 1
        }
        let closed = !braced || peek == "}"
        if braced && closed { position += 1 }
        guard digits > 0, closed, braced || digits == fixedDigits, value <= 0x10FFFF, Unicode.Scalar(value) != nil else {
            throw error("invalid character code '\(text(start, position))'", from: start, length: position - start,
                        help: "write \\x41, \\u00E9 or \\u{1F600}")
        }
        return value
    }

    static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 48...57: return scalar.value - 48
        case 65...70: return scalar.value - 55
        case 97...102: return scalar.value - 87
        default: return nil
        }
    }

    /// `\Q…\E`: everything between is literal (to the end of the pattern without `\E`).
    private mutating func quotedLiteral(_ flags: Flags) -> RegexNode {
        position += 1
        var items: [RegexNode] = []
        while position < scalars.count {
            if scalars[position] == "\\", position + 1 < scalars.count, scalars[position + 1] == "E" {
                position += 2
                break
            }
            items.append(literal(scalars[position].value, flags))
            position += 1
        }
        return items.count == 1 ? items[0] : .concatenation(items)
    }
}
