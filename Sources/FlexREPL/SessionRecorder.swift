// Remembers the REPL's successful entries so `.save` can write a script that reproduces the
// session: a literal ID that came from an earlier result is written as the variable that held
// it (introducing a `let` for a bare command when needed), so the script also works against a
// fresh simulator with another seed, or the live API, where the IDs differ.
import FlexInterpreter
import FlexLanguage

final class SessionRecorder {
    struct Entry {
        var text: String
        var file: SourceFile
        var program: Program
        /// The entry's value (`it` after it ran), whose IDs later entries may use.
        var value: Value?
    }

    private(set) var entries: [Entry] = []

    func record(text: String, file: SourceFile, program: Program, value: Value?) {
        entries.append(Entry(text: text, file: file, program: program, value: value))
    }

    func removeAll() { entries.removeAll() }

    /// The session as a `.flex` script.
    func script(header: String) -> String {
        var texts = entries.map(\.text)
        var provenance: [String: (entry: Int, path: String)] = [:]
        var latestBinding: [String: Int] = [:]
        var introduced: [Int: String] = [:]
        var takenNames = Set(entries.flatMap { Self.boundNames($0.program) })

        for (index, entry) in entries.enumerated() {
            var replacements: [(start: Int, end: Int, text: String)] = []
            for literal in FlexIDLiterals.collect(in: entry.program) {
                guard let origin = provenance[literal.text], origin.entry < index else { continue }
                let source = entries[origin.entry]
                let name: String
                if let bound = Self.finalBinding(source.program) {
                    guard latestBinding[bound] == origin.entry else { continue }  // rebound since
                    name = bound
                } else if Self.isSingleExpression(source.program) {
                    if let existing = introduced[origin.entry] {
                        name = existing
                    } else {
                        name = Self.freshName(for: source.value, taken: &takenNames)
                        introduced[origin.entry] = name
                    }
                } else {
                    continue
                }
                let start = literal.span.start - entry.file.lineStarts[0]
                replacements.append((start, start + literal.span.end - literal.span.start, name + origin.path))
            }
            var bytes = Array(entry.text.utf8)
            for replacement in replacements.sorted(by: { $0.start > $1.start }) where replacement.end <= bytes.count {
                bytes.replaceSubrange(replacement.start..<replacement.end, with: Array(replacement.text.utf8))
            }
            texts[index] = String(decoding: bytes, as: UTF8.self)

            for name in Self.boundNames(entry.program) { latestBinding[name] = index }
            if let value = entry.value {
                for (id, path) in Self.ids(in: value) where provenance[id] == nil {
                    provenance[id] = (index, path)
                }
            }
        }
        for (index, name) in introduced { texts[index] = "let \(name) = " + texts[index] }
        return header + texts.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }.joined()
    }

    /// IDs a value carries, each with the path that reaches it from the value (`.id`, `.customer`, `[0].id`).
    static func ids(in value: Value) -> [(String, String)] {
        var found: [(String, String)] = []
        if case .id(let id) = value { return [(id, "")] }
        if value.isRecord {
            if let key = value.ownIDKey, let id = value.field(key)?.text { found.append((id, ".id")) }
            for (key, field) in value.recordEntries ?? [] {
                if case .id(let id) = field { found.append((id, "." + key)) }
            }
        } else if let elements = value.listElements {
            for (position, element) in elements.enumerated() {
                if element.isRecord, let key = element.ownIDKey, let id = element.field(key)?.text {
                    found.append((id, "[\(position)].id"))
                } else if case .id(let id) = element {
                    found.append((id, "[\(position)]"))
                }
            }
        }
        return found
    }

    static func boundNames(_ program: Program) -> [String] {
        program.statements.compactMap { statement in
            if case .letBinding(let name, _) = statement.kind { return name.name }
            return nil
        }
    }

    /// The name the entry's value ends up in: its last statement is `let NAME = …`.
    static func finalBinding(_ program: Program) -> String? {
        guard let last = program.statements.last, case .letBinding(let name, _) = last.kind else { return nil }
        return name.name
    }

    static func isSingleExpression(_ program: Program) -> Bool {
        guard program.statements.count == 1, case .expression = program.statements[0].kind else { return false }
        return true
    }

    static func freshName(for value: Value?, taken: inout Set<String>) -> String {
        let base = value.map { $0.isRecord ? $0.objectTypeName : "result" } ?? "result"
        var counter = 1
        while taken.contains("\(base)\(counter)") { counter += 1 }
        taken.insert("\(base)\(counter)")
        return "\(base)\(counter)"
    }
}
