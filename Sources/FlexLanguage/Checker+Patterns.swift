// Rules for test patterns (`matches { … }`) and `expect snapshot NAME: VALUE` (docs/testing.md).

extension Checker.Pass {
    /// Walks a pattern: marker calls are checked here, everything else as an expression.
    mutating func checkPattern(_ pattern: Expression) {
        guard enter() else { return }
        defer { leave() }
        switch pattern.kind {
        case .record(let entries):
            for (index, entry) in entries.enumerated() {
                if let first = entries[..<index].first(where: { $0.key == entry.key }) {
                    report("field '\(entry.key)' appears twice in this pattern", at: entry.keySpan,
                           notes: [Diagnostic.Note("'\(entry.key)' is first matched here", span: first.keySpan)])
                }
                checkPattern(entry.value)
            }
        case .list(let elements):
            for element in elements { checkPattern(element) }
        case .call(let name, let arguments) where name.name == PatternMarker.regex:
            for argument in arguments { checkExpression(argument) }
        case .call(let name, _) where PatternMarker.anyKind(name.name) != nil:
            let kind = PatternMarker.anyKind(name.name) ?? ""
            if !kind.isEmpty, !PatternMarker.kinds.contains(kind) {
                let help = Suggestions.closest(to: kind, among: PatternMarker.kinds).map { "did you mean 'any \($0)'?" }
                    ?? "write any, or any followed by one of: " + PatternMarker.kinds.joined(separator: ", ")
                report("unknown pattern 'any \(kind)'", at: name.span, help: help)
            }
        default:
            checkExpression(pattern)
        }
    }

    static func isSnapshot(_ condition: Expression) -> Bool {
        if case .call(let name, _) = condition.kind, name.name == PatternMarker.snapshot { return true }
        return false
    }

    /// The name becomes a file name, so it is limited to letters, digits, `_`, `-` and `.`;
    /// inside a `def` the same name would be written once per call, so it is not allowed there.
    mutating func checkSnapshot(_ condition: Expression) {
        guard case .call(let keyword, let arguments) = condition.kind, arguments.count == 2 else { return }
        if case .string(let segments) = arguments[0].kind, segments.count == 1, case .text(let name) = segments[0] {
            if !Checker.Pass.isValidSnapshotName(name) {
                report("a snapshot name must be letters, digits, '_', '-' or '.', got \"\(name)\"", at: arguments[0].span,
                       help: "it names a file: write something like checkout_open")
            }
        }
        if functionDepth > 0 {
            report("'expect snapshot' is not allowed inside a 'def'", at: keyword.span,
                   help: "a snapshot name is used once per test case; return the value and snapshot it at the call site")
        }
        checkExpression(arguments[1])
    }

    static func isValidSnapshotName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 100, name.first != "." else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x5F || byte == 0x2D || byte == 0x2E
        }
    }
}
