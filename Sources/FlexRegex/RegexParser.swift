// Parses a pattern into a RegexNode: the syntax test scripts use (literals, escapes, `.`,
// classes, `\d \w \s \b`, anchors, groups, `|`, quantifiers and their lazy forms, (?i) (?m) (?s)),
// and a clear error for what needs backtracking (backreferences, lookaround, possessive and
// atomic forms), so every accepted pattern runs in linear time.

struct RegexParser {
    /// Where a quantifier's count stops: enough for any ID format, small enough that the expanded
    /// program stays small.
    static let maximumCount = 1000

    struct Flags {
        var caseless = false
        var multiline = false
        var dotMatchesNewline = false
    }

    let scalars: [Unicode.Scalar]
    /// `offsets[i]` is the UTF-8 offset of scalar `i`; one more entry for the end.
    let offsets: [Int]
    var position = 0
    var depth = 0

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.offsets = offsets
    }

    mutating func parse() throws(RegexSyntaxError) -> RegexNode {
        var flags = Flags()
        let node = try parseAlternation(&flags)
        if position < scalars.count {
            throw error("unbalanced ')': no group is open here", from: position, length: 1,
                        help: "escape it as \\) to match a parenthesis")
        }
        return node
    }

    // MARK: - Structure

    private mutating func parseAlternation(_ flags: inout Flags) throws(RegexSyntaxError) -> RegexNode {
        var branches = [try parseConcatenation(&flags)]
        while peek == "|" {
            position += 1
            branches.append(try parseConcatenation(&flags))
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseConcatenation(_ flags: inout Flags) throws(RegexSyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while let scalar = peek, scalar != "|", scalar != ")" {
            let start = position
            guard let atom = try parseAtom(&flags) else { continue }
            items.append(try parseQuantifiers(atom, atomStart: start))
        }
        return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concatenation(items))
    }

    /// Nil for what matches nothing and may not be repeated (a flag group such as `(?i)`).
    private mutating func parseAtom(_ flags: inout Flags) throws(RegexSyntaxError) -> RegexNode? {
        let start = position
        let scalar = scalars[position]
        position += 1
        switch scalar {
        case "(": return try parseGroup(&flags, start: start)
        case "[": return .set(try parseClass(flags, start: start))
        case ".": return .set(.dot(matchesNewline: flags.dotMatchesNewline))
        case "^": return .assertion(flags.multiline ? .lineStart : .textStart)
        case "$": return .assertion(flags.multiline ? .lineEnd : .textEnd)
        case "\\": return try parseEscape(flags, start: start)
        case "*", "+", "?":
            throw error("'\(scalar)' has nothing to repeat", from: start, length: 1,
                        help: "escape it as \\\(scalar) to match it literally")
        case "{" where quantifierBounds(at: start) != nil:
            throw error("'{' has nothing to repeat", from: start, length: 1, help: "escape it as \\{ to match it literally")
        default: return literal(scalar.value, flags)
        }
    }

    func literal(_ value: UInt32, _ flags: Flags) -> RegexNode {
        guard flags.caseless else { return .scalar(value) }
        let variants = RegexScalarSet.caseVariants(of: value)
        guard variants.count > 1 else { return .scalar(value) }
        return .set(RegexScalarSet(ranges: variants.map { $0...$0 }))
    }

    // MARK: - Groups

    private mutating func parseGroup(_ flags: inout Flags, start: Int) throws(RegexSyntaxError) -> RegexNode? {
        depth += 1
        defer { depth -= 1 }
        guard depth <= 100 else { throw error("groups are nested too deeply (more than 100 levels)", from: start, length: 1) }
        var inner = flags
        if peek == "?" {
            position += 1
            if try parseGroupKind(&inner, flags: &flags, start: start) { return nil }
        }
        let node = try parseAlternation(&inner)
        guard peek == ")" else {
            throw error("unbalanced '(': this group is never closed", from: start, length: 1,
                        help: "close it with ), or escape it as \\( to match a parenthesis")
        }
        position += 1
        return node
    }

    /// After `(?`: a non-capturing or named group, or flags. True for `(?flags)`, which sets
    /// `flags` for the rest of the enclosing group and is not a group itself.
    private mutating func parseGroupKind(_ inner: inout Flags, flags: inout Flags, start: Int) throws(RegexSyntaxError) -> Bool {
        guard let next = peek else { throw error("unfinished group", from: start, length: 2) }
        switch next {
        case ":":
            position += 1
            return false
        case "=", "!":
            throw error("lookahead (?\(next)…) is not supported: it needs a backtracking engine", from: start, length: 3,
                        help: "matches runs in linear time; test the other condition with a second matches, joined with and / and not")
        case "<" where position + 1 < scalars.count && (scalars[position + 1] == "=" || scalars[position + 1] == "!"):
            throw error("lookbehind (?<\(scalars[position + 1])…) is not supported: it needs a backtracking engine", from: start, length: 4,
                        help: "matches runs in linear time; test the other condition with a second matches, joined with and / and not")
        case ">":
            throw error("atomic groups (?>…) are not supported", from: start, length: 3,
                        help: "write a plain group (?:…); it also matches where backtracking into the group would be needed")
        case "<", "P", "'":
            try skipGroupName(start: start)
            return false
        default:
            return try parseFlags(&inner, flags: &flags, start: start)
        }
    }

    private mutating func skipGroupName(start: Int) throws(RegexSyntaxError) {
        if peek == "P" { position += 1 }
        let close: Unicode.Scalar = peek == "'" ? "'" : ">"
        guard peek == "<" || peek == "'" else {
            throw error("unknown group syntax", from: start, length: position - start + 1, help: "write (?:…) for a group")
        }
        position += 1
        let nameStart = position
        while let scalar = peek, scalar != close {
            guard scalar == "_" || RegexScalarSet.isMember(scalar.value, of: .word) else { break }
            position += 1
        }
        guard peek == close, position > nameStart else {
            throw error("a group name is letters, digits and _, closed by \(close)", from: start, length: position - start + 1)
        }
        position += 1
    }

    private mutating func parseFlags(_ inner: inout Flags, flags: inout Flags, start: Int) throws(RegexSyntaxError) -> Bool {
        var on = true
        while let scalar = peek {
            position += 1
            switch scalar {
            case "i": inner.caseless = on
            case "m": inner.multiline = on
            case "s": inner.dotMatchesNewline = on
            case "-" where on: on = false
            case ")":
                flags = inner
                return true
            case ":": return false
            default:
                throw error("unsupported group or flag '(?\(String(String.UnicodeScalarView(scalars[(start + 2)..<position])))'",
                            from: start, length: position - start,
                            help: "the flags are i (ignore case), m (^ and $ at lines), s (. matches a newline); backreferences, conditionals and lookaround are not supported")
            }
        }
        throw error("unfinished group", from: start, length: position - start)
    }

    // MARK: - Quantifiers

    private mutating func parseQuantifiers(_ atom: RegexNode, atomStart: Int) throws(RegexSyntaxError) -> RegexNode {
        guard let (minimum, maximum, length) = quantifier(at: position) else { return atom }
        let start = position
        position += length
        if peek == "?" {
            position += 1
        } else if peek == "+" {
            throw error("possessive quantifiers (\(text(start, position + 1))) are not supported", from: start, length: position - start + 1,
                        help: "write the plain quantifier without the final +; it also matches where backtracking would be needed (a*a matches \"aa\", a*+a never does)")
        }
        if quantifier(at: position) != nil {
            throw error("'\(text(position, position + 1))' follows another quantifier and has nothing to repeat", from: position, length: 1,
                        help: "wrap the repeated part in (?:…) to repeat it again")
        }
        if max(minimum, maximum ?? 0) > RegexParser.maximumCount {
            throw error("a repetition count is at most \(RegexParser.maximumCount)", from: start, length: length,
                        help: "repeat a group instead, as (?:a{1000}){3}, or check the length with len()")
        }
        if let maximum, maximum < minimum {
            throw error("the repetition's lower bound \(minimum) is more than its upper bound \(maximum)", from: start, length: length,
                        help: "write {\(maximum),\(minimum)}")
        }
        return .repetition(atom, min: minimum, max: maximum)
    }

    /// `*`, `+`, `?` or a well-formed `{…}` at `index`: its bounds and length in scalars.
    private func quantifier(at index: Int) -> (Int, Int?, Int)? {
        guard index < scalars.count else { return nil }
        switch scalars[index] {
        case "*": return (0, nil, 1)
        case "+": return (1, nil, 1)
        case "?": return (0, 1, 1)
        case "{": return quantifierBounds(at: index)
        default: return nil
        }
    }

    /// `{n}`, `{n,}`, `{n,m}`, `{,m}`; nil when the brace is no quantifier (then it is a literal `{`,
    /// as in Swift's Regex). Counts past `maximumCount` come back as they are, for parseQuantifiers' error.
    func quantifierBounds(at index: Int) -> (Int, Int?, Int)? {
        var cursor = index + 1
        func number() -> Int? {
            var value: Int?
            while cursor < scalars.count, (48...57).contains(scalars[cursor].value) {
                value = min((value ?? 0) * 10 + Int(scalars[cursor].value) - 48, 1_000_000)
                cursor += 1
            }
            return value
        }
        let low = number()
        var high = low
        var unbounded = false
        if cursor < scalars.count, scalars[cursor] == "," {
            cursor += 1
            high = number()
            unbounded = high == nil
        }
        guard cursor < scalars.count, scalars[cursor] == "}", low != nil || high != nil else { return nil }
        return (low ?? 0, unbounded ? nil : high, cursor - index + 1)
    }

    // MARK: - Helpers

    var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    func text(_ start: Int, _ end: Int) -> String {
        String(String.UnicodeScalarView(scalars[start..<min(end, scalars.count)]))
    }

    func error(_ message: String, from start: Int, length: Int, help: String? = nil) -> RegexSyntaxError {
        let end = min(start + max(length, 0), scalars.count)
        return RegexSyntaxError(message, start: offsets[min(start, scalars.count)], end: offsets[end], help: help)
    }
}
