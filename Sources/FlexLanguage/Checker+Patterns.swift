// Rules for test patterns (`matches { … }`) and `expect snapshot NAME: VALUE` (docs/testing.md).

extension Checker.Pass {
    /// Walks a pattern: marker calls are checked here, everything else as an expression.
    mutating func checkPattern(_ pattern: ExpressionReference) {
        guard enter() else { return }
        defer { leave() }
        switch tree.node(pattern) {
        case .record(let entries):
            for position in entries.positions {
                let entry = tree.recordEntries[position]
                let key = tree.string(entry.key)
                if let first = (Int(entries.first)..<position).first(where: { tree.string(tree.recordEntries[$0].key) == key }) {
                    let firstEntry = tree.recordEntries[first]
                    report("field '\(key)' appears twice in this pattern", at: tree.span(entry.keyStart, entry.keyEnd),
                           notes: [Diagnostic.Note("'\(key)' is first matched here", span: tree.span(firstEntry.keyStart, firstEntry.keyEnd))])
                }
                checkPattern(entry.value)
            }
        case .list(let elements):
            for position in elements.positions { checkPattern(expression(at: position)) }
        case .call(let name, let arguments) where tree.text(name) == PatternMarker.regex:
            for position in arguments.positions {
                checkExpression(expression(at: position))
                checkRegexLiteral(expression(at: position))
            }
        case .call(let name, _) where PatternMarker.anyKind(tree.text(name)) != nil:
            let kind = PatternMarker.anyKind(tree.text(name)) ?? ""
            if !kind.isEmpty, !PatternMarker.kinds.contains(kind) {
                let help = Suggestions.closest(to: kind, among: PatternMarker.kinds).map { "did you mean 'any \($0)'?" }
                    ?? "write any, or any followed by one of: " + PatternMarker.kinds.joined(separator: ", ")
                report("unknown pattern 'any \(kind)'", at: tree.span(name), help: help)
            }
        default:
            checkExpression(pattern)
        }
    }

    func isSnapshot(_ condition: ExpressionReference) -> Bool {
        if case .call(let name, _) = tree.node(condition), tree.text(name) == PatternMarker.snapshot { return true }
        return false
    }

    /// The name becomes a file name, so it is limited to letters, digits, `_`, `-` and `.`;
    /// inside a `def` the same name would be written once per call, so it is not allowed there.
    mutating func checkSnapshot(_ condition: ExpressionReference) {
        guard case .call(let keyword, let arguments) = tree.node(condition), arguments.count == 2 else { return }
        let nameArgument = expression(at: Int(arguments.first))
        if case .string(let segments) = tree.node(nameArgument), segments.count == 1,
           case .text(let name) = tree.segments[Int(segments.first)] {
            let name = tree.string(name)
            if !Checker.Pass.isValidSnapshotName(name) {
                report("a snapshot name must be letters, digits, '_', '-' or '.', got \"\(name)\"", at: tree.span(nameArgument),
                       help: "it names a file: write something like checkout_open")
            }
        }
        if functionDepth > 0 {
            report("'expect snapshot' is not allowed inside a 'def'", at: tree.span(keyword),
                   help: "a snapshot name is used once per test case; return the value and snapshot it at the call site")
        }
        checkExpression(expression(at: Int(arguments.first) + 1))
    }

    static func isValidSnapshotName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 100, name.first != "." else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte == 0x2D || byte == 0x2E
        }
    }
}
