// Bracket classes: `[a-z0-9._%+-]`, `[^…]`, shorthands and escapes inside, POSIX names such as
// `[[:alpha:]]`. Nested classes and set operations are refused rather than misread.

extension RegexParser {
    /// After `[` (`start` is the bracket).
    mutating func parseClass(_ flags: Flags, start: Int) throws(RegexSyntaxError) -> RegexScalarSet {
        var set = RegexScalarSet()
        if peek == "^" {
            set.negated = true
            position += 1
        }
        if peek == "]" {
            throw error("a class cannot start with ']'", from: position, length: 1,
                        help: "escape it as \\] to put a bracket in the class")
        }
        while let scalar = peek, scalar != "]" {
            let itemStart = position
            if scalar == "[" {
                try parsePOSIXName(into: &set, start: itemStart)
                continue
            }
            if scalar == "&", position + 1 < scalars.count, scalars[position + 1] == "&" {
                throw error("class set operations (&&) are not supported", from: position, length: 2,
                            help: "list the members you want, or escape the ampersand as \\&")
            }
            guard let low = try parseClassMember(into: &set) else { continue }
            if peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                position += 1
                let highStart = position
                guard let high = try parseClassMember(into: &set) else {
                    throw error("a range must end with a single character, not a class", from: highStart, length: position - highStart)
                }
                guard low <= high else {
                    throw error("the range '\(text(itemStart, position))' runs backwards", from: itemStart, length: position - itemStart,
                                help: "write it smallest first, or escape the dash as \\- to list the characters")
                }
                set.ranges.append(low...high)
            } else {
                set.ranges.append(low...low)
            }
        }
        guard peek == "]" else {
            throw error("unbalanced '[': this class is never closed", from: start, length: 1,
                        help: "close it with ], or escape it as \\[ to match a bracket")
        }
        position += 1
        set.caseless = flags.caseless
        set.buildASCIITable()
        return set
    }

    /// One member: a scalar (returned, the caller may make it a range's start) or a shorthand
    /// class (added to `set`; nil comes back).
    private mutating func parseClassMember(into set: inout RegexScalarSet) throws(RegexSyntaxError) -> UInt32? {
        let start = position
        let scalar = scalars[position]
        position += 1
        guard scalar == "\\" else { return scalar.value }
        if peek == "b" {
            position += 1
            return 8
        }
        switch try parseSharedEscape(start: start) {
        case .scalar(let value): return value
        case .set(let shorthand):
            if peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                throw error("a range cannot start at a class such as '\(text(start, position))'", from: start, length: position - start + 1,
                            help: "escape the dash as \\- to list it as a character")
            }
            set.kinds.append(contentsOf: shorthand.kinds)
            return nil
        }
    }

    /// `[:name:]` inside a class; a `[` that starts anything else is refused.
    private mutating func parsePOSIXName(into set: inout RegexScalarSet, start: Int) throws(RegexSyntaxError) {
        var cursor = position + 1
        var name = ""
        if cursor < scalars.count, scalars[cursor] == ":" {
            cursor += 1
            while cursor < scalars.count, scalars[cursor].properties.isLowercase {
                name.unicodeScalars.append(scalars[cursor])
                cursor += 1
            }
        }
        let closed = cursor + 1 < scalars.count && scalars[cursor] == ":" && scalars[cursor + 1] == "]"
        guard closed, let ranges = RegexParser.posixClasses[name] else {
            throw error(closed ? "unknown class name '[:\(name):]'" : "nested classes are not supported", from: start, length: 1,
                        help: "escape it as \\[ to put a bracket in the class; the names are [:alpha:] [:digit:] [:alnum:] [:upper:] [:lower:] [:space:] [:punct:] [:xdigit:] [:word:]")
        }
        set.ranges.append(contentsOf: ranges)
        position = cursor + 2
    }

    /// The POSIX names, in ASCII (as RE2 and Go define them).
    static let posixClasses: [String: [ClosedRange<UInt32>]] = [
        "alpha": [65...90, 97...122],
        "digit": [48...57],
        "alnum": [48...57, 65...90, 97...122],
        "upper": [65...90],
        "lower": [97...122],
        "space": [9...13, 32...32],
        "punct": [33...47, 58...64, 91...96, 123...126],
        "xdigit": [48...57, 65...70, 97...102],
        "word": [48...57, 65...90, 97...122, 95...95],
    ]
}
