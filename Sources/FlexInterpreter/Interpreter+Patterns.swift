// Test patterns (`VALUE matches { field: PATTERN, … }`), snapshot expectations, and the list of
// objects a case created (for the JSON report against a live backend).
import FlexAPI
import FlexLanguage
import FlexSync

extension Interpreter {
    /// One field that did not match: where, what the pattern asked for, what was there.
    struct PatternMismatch {
        var path: String
        var expected: String
        var actual: String
    }

    /// Every mismatch of `value` against `pattern`, not only the first.
    func mismatches(_ value: Value, _ pattern: Expression, in scope: Scope) async throws -> [PatternMismatch] {
        var found: [PatternMismatch] = []
        try await collectMismatches(value, pattern, path: "", depth: 0, in: scope, into: &found)
        return found
    }

    private func collectMismatches(_ value: Value, _ pattern: Expression, path: String, depth: Int,
                                   in scope: Scope, into found: inout [PatternMismatch]) async throws {
        guard depth < 200 else {
            throw ScriptFailure.runtime("this pattern is nested too deeply", at: pattern.span)
        }
        let here = path.isEmpty ? "value" : path
        switch pattern.kind {
        case .record(let entries):
            guard value.isRecord else {
                found.append(PatternMismatch(path: here, expected: "a record", actual: value.quoted))
                return
            }
            for entry in entries {
                let fieldPath = path.isEmpty ? entry.key : path + "." + entry.key
                guard let field = value.field(entry.key) else {
                    found.append(PatternMismatch(path: fieldPath, expected: sourceText(entry.value.span), actual: "(missing)"))
                    continue
                }
                try await collectMismatches(field, entry.value, path: fieldPath, depth: depth + 1, in: scope, into: &found)
            }
        case .list(let elements):
            guard let list = value.listElements else {
                found.append(PatternMismatch(path: here, expected: "a list", actual: value.quoted))
                return
            }
            guard list.count == elements.count else {
                found.append(PatternMismatch(path: here, expected: "a list of \(elements.count)", actual: "\(list.count) elements: \(value.quoted)"))
                return
            }
            for (index, element) in elements.enumerated() {
                try await collectMismatches(list[index], element, path: "\(path.isEmpty ? "value" : path)[\(index)]",
                                            depth: depth + 1, in: scope, into: &found)
            }
        case .call(let name, let arguments) where name.name == PatternMarker.regex:
            guard let argument = arguments.first else { return }
            let regex = try await evaluate(argument, in: scope)
            let holds = value.text != nil
                ? try matches(value, regex, subjectSpan: pattern.span, patternSpan: argument.span) : false
            if !holds { found.append(PatternMismatch(path: here, expected: "matches " + regex.quoted, actual: value.quoted)) }
        case .call(let name, _) where PatternMarker.anyKind(name.name) != nil:
            let kind = PatternMarker.anyKind(name.name) ?? ""
            if !Interpreter.value(value, isKind: kind) {
                found.append(PatternMismatch(path: here, expected: kind.isEmpty ? "any" : "any " + kind, actual: value.quoted))
            }
        default:
            let expected = try await evaluate(pattern, in: scope)
            if !(try equal(value, expected, span: pattern.span)) {
                found.append(PatternMismatch(path: here, expected: expected.quoted, actual: value.quoted))
            }
        }
    }

    /// `any KIND`: the shape checks. `money` and `integer` are both integers (money is cents);
    /// `number` also takes an exact decimal; `id` is a string carrying a known Flex ID prefix;
    /// `string` takes any text, IDs included (on the wire an ID is a string).
    static func value(_ value: Value, isKind kind: String) -> Bool {
        switch kind {
        case "": return true
        case "id":
            guard let text = value.text else { return false }
            return FlexIDPrefix.prefix(of: text) != nil
        case "string":
            return value.text != nil
        case "number":
            switch value { case .integer, .decimal: return true; default: return false }
        case "integer", "money":
            if case .integer = value { return true }
            return false
        case "bool":
            if case .bool = value { return true }
            return false
        case "list": return value.listElements != nil
        case "record": return value.isRecord
        case "null":
            if case .null = value { return true }
            return false
        default: return false
        }
    }

    /// `expect VALUE matches { … }`: fails with one note per mismatching field.
    func expectPattern(_ subject: Expression, _ pattern: Expression, condition: Expression, message: Expression?,
                       in scope: Scope) async throws {
        let value = try await evaluate(subject, in: scope)
        let found = try await mismatches(value, pattern, in: scope)
        guard !found.isEmpty else { return }
        var notes = found.map { Diagnostic.Note("\($0.path): expected \($0.expected), got \($0.actual)") }
        var headline = "expectation failed: \(sourceText(subject.span)) matches { … } (\(found.count) \(found.count == 1 ? "field differs" : "fields differ"))"
        if let message {
            headline = try await evaluate(message, in: scope).printed
            notes.insert(Diagnostic.Note("expected: " + sourceText(condition.span)), at: 0)
        }
        throw ScriptFailure(.expectation, .error(headline, at: condition.span, notes: notes))
    }

    /// `expect snapshot NAME: VALUE`: the value's JSON, masked, against the store.
    func expectSnapshot(_ arguments: NodeList<Expression>, span: SourceSpan, in scope: Scope) async throws {
        guard arguments.count == 2, case .string(let segments) = arguments[0].kind, segments.count == 1,
              case .text(let name) = segments[0] else { return }
        let value = try await evaluate(arguments[1], in: scope)
        guard let store = snapshotStore else { return }
        guard snapshotNamesUsed.insert(name).inserted else {
            throw ScriptFailure.runtime("snapshot '\(name)' is already used in this test case", at: arguments[0].span,
                                        help: "give each snapshot of a scenario its own name")
        }
        var masker = SnapshotMasker()
        // Snapshot files are committed: a key-shaped string in the value is redacted like any rendering.
        let json = masker.mask(try Interpreter.requestJSON(value, span: arguments[1].span)).serialized(pretty: true)
        let text = SecretRedaction.scrub(json) + "\n"
        switch store.check(name: name, text: text) {
        case .matched, .written:
            return
        case .missing(let path):
            throw ScriptFailure(.expectation, .error("snapshot '\(name)' has not been recorded", at: span,
                                                     help: "run flex test --update-snapshots to record it, then review and commit it",
                                                     notes: [Diagnostic.Note("expected file: \(path)")]))
        case .mismatch(let path, let stored):
            throw ScriptFailure(.expectation, .error("snapshot '\(name)' does not match \(path)", at: span,
                                                     help: "if the change is intended, run flex test --update-snapshots",
                                                     notes: Interpreter.lineDiff(stored, text)))
        case .unwritable(let path, let reason):
            throw ScriptFailure.runtime("cannot write snapshot '\(path)': \(reason)", at: span)
        }
    }

    /// The lines that differ between a stored and an actual snapshot: `- stored`, `+ actual`
    /// (a longest-common-subsequence diff, bounded so a huge snapshot cannot stall the run).
    static func lineDiff(_ stored: String, _ actual: String) -> [Diagnostic.Note] {
        let a = stored.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard a.count * b.count <= 4_000_000 else {
            return [Diagnostic.Note("the snapshots differ (too large to diff: \(a.count) and \(b.count) lines)")]
        }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var notes: [Diagnostic.Note] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                i += 1; j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                notes.append(Diagnostic.Note("- " + a[i])); i += 1
            } else {
                notes.append(Diagnostic.Note("+ " + b[j])); j += 1
            }
            if notes.count >= 40 { notes.append(Diagnostic.Note("… (more differences)")); break }
        }
        return notes
    }

    /// After a successful POST to `/v1/`, the created object's own ID (its first `*_id` key).
    func recordCreatedObject(_ request: APIRequest, _ response: APIResponse) {
        guard request.method == .POST, request.path.hasPrefix("/v1/"), response.isSuccess,
              case .object(let outer) = response.body else { return }
        var object = outer
        if outer.count == 1, case .object(let inner)? = outer.entries.first?.value { object = inner }
        guard let first = object.entries.first, first.key.hasSuffix("_id"), case .string(let id) = first.value,
              !createdObjects.contains(id) else { return }
        createdObjects.append(id)
    }
}
