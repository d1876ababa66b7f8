// A set of Unicode scalars: what one step of a pattern may consume (a class, `.`, `\d`, a
// literal under (?i)). ASCII answers come from a 128-bit table built once; others from the ranges
// and the scalar properties.

struct RegexScalarSet {
    /// The shorthand classes; each may be negated inside a class (`[\D]`).
    enum Kind: Equatable {
        case digit, word, space
    }

    var ranges: [ClosedRange<UInt32>] = []
    var kinds: [(kind: Kind, negated: Bool)] = []
    var negated = false
    var caseless = false
    private(set) var asciiLow: UInt64 = 0
    private(set) var asciiHigh: UInt64 = 0

    init(ranges: [ClosedRange<UInt32>] = [], kinds: [(kind: Kind, negated: Bool)] = [], negated: Bool = false, caseless: Bool = false) {
        self.ranges = ranges
        self.kinds = kinds
        self.negated = negated
        self.caseless = caseless
        buildASCIITable()
    }

    /// `.`: every scalar but a line feed, or every scalar under (?s).
    static func dot(matchesNewline: Bool) -> RegexScalarSet {
        RegexScalarSet(ranges: matchesNewline ? [] : [10...10], negated: true)
    }

    static func shorthand(_ kind: Kind, negated: Bool) -> RegexScalarSet {
        RegexScalarSet(kinds: [(kind, negated)])
    }

    /// Call after changing the members: the ASCII table is a cache of `slowContains`.
    mutating func buildASCIITable() {
        asciiLow = 0
        asciiHigh = 0
        for value in UInt32(0)..<128 where slowContains(value) {
            if value < 64 { asciiLow |= 1 << UInt64(value) } else { asciiHigh |= 1 << UInt64(value - 64) }
        }
    }

    @inline(__always)
    func contains(_ value: UInt32) -> Bool {
        if value < 64 { return asciiLow & (1 << UInt64(value)) != 0 }
        if value < 128 { return asciiHigh & (1 << UInt64(value - 64)) != 0 }
        return slowContains(value)
    }

    /// True when some scalar at or above 128 may be in the set (the search's first-byte filter).
    var mayContainNonASCII: Bool {
        negated || !kinds.isEmpty || caseless || ranges.contains { $0.upperBound >= 128 }
    }

    func slowContains(_ value: UInt32) -> Bool {
        var found = rawContains(value)
        if !found, caseless {
            found = RegexScalarSet.caseVariants(of: value).contains { $0 != value && rawContains($0) }
        }
        return found != negated
    }

    private func rawContains(_ value: UInt32) -> Bool {
        for range in ranges where range.contains(value) { return true }
        for (kind, negated) in kinds where RegexScalarSet.isMember(value, of: kind) != negated { return true }
        return false
    }

    /// The scalar, its lower and upper case when each is a single scalar (`k` → `k`, `K`; also
    /// the Kelvin sign's `k`): what (?i) treats as the same letter.
    static func caseVariants(of value: UInt32) -> [UInt32] {
        guard let scalar = Unicode.Scalar(value) else { return [value] }
        if value < 128 {
            switch value {
            case 65...90: return [value, value + 32]
            case 97...122: return [value, value - 32]
            default: return [value]
            }
        }
        var variants = [value]
        for mapping in [scalar.properties.lowercaseMapping, scalar.properties.uppercaseMapping] {
            let scalars = mapping.unicodeScalars
            if scalars.count == 1, let only = scalars.first, !variants.contains(only.value) { variants.append(only.value) }
        }
        return variants
    }

    /// `\d` is a decimal digit, `\s` white space, `\w` a letter, digit, mark or connector such as `_`
    /// (Unicode-aware, as Swift's Regex is).
    static func isMember(_ value: UInt32, of kind: Kind) -> Bool {
        if value < 128 {
            switch kind {
            case .digit: return value >= 48 && value <= 57
            case .space: return value == 32 || (value >= 9 && value <= 13)
            case .word:
                return (value >= 48 && value <= 57) || (value >= 65 && value <= 90) || (value >= 97 && value <= 122) || value == 95
            }
        }
        guard let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        switch kind {
        case .digit: return properties.numericType == .decimal
        case .space: return properties.isWhitespace
        case .word:
            switch properties.generalCategory {
            case .connectorPunctuation, .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber: return true
            default: return properties.isAlphabetic
            }
        }
    }
}
