// The parts of each command-table entry the checker reads per command, laid out flat once and
// found by the command's enum tag, so checking a command neither hashes its name nor copies
// table entries (both showed up as most of the checker's time in profiles).

extension Checker {
    /// A class: handing a command's facts to the clause checks is one reference, not six array copies.
    final class ClauseFacts: Sendable {
        let positionals: [PositionalSyntax]
        let names: [String]
        /// UTF-8 lengths of `names`: most non-matching names differ in length, and comparing
        /// lengths first skips the runtime's general string comparison.
        let lengths: [Int]
        let kinds: [ValueKind]
        /// Exclusive-group number per clause, -1 when the clause is in no group.
        let groups: [Int]
        /// Indices of the required clauses.
        let required: [Int]

        init(_ syntax: CommandSyntax) {
            positionals = syntax.positionals
            let names = syntax.clauses.map(\.name)
            self.names = names
            lengths = names.map(\.utf8.count)
            kinds = syntax.clauses.map(\.kind)
            var groupNumbers: [String: Int] = [:]
            groups = syntax.clauses.map { clause in
                guard let group = clause.group else { return -1 }
                if let number = groupNumbers[group] { return number }
                groupNumbers[group] = groupNumbers.count
                return groupNumbers.count - 1
            }
            required = syntax.clauses.indices.filter { syntax.clauses[$0].isRequired }
        }

        func index(of name: String) -> Int? {
            let length = name.utf8.count
            for index in names.indices where lengths[index] == length && names[index] == name { return index }
            return nil
        }

        /// Facts by the command's one-byte enum tag; the tags are read from `allCases`, not assumed.
        private static let byTag: [ClauseFacts?] = {
            var table = [ClauseFacts?](repeating: nil, count: 256)
            guard MemoryLayout<CommandName>.size == 1 else { return table }
            for syntax in CommandTable.all { table[Int(tag(syntax.name))] = ClauseFacts(syntax) }
            return table
        }()

        /// Fallback should a future compiler lay the enum out differently.
        private static let byName: [CommandName: ClauseFacts] =
            Dictionary(uniqueKeysWithValues: CommandTable.all.map { ($0.name, ClauseFacts($0)) })

        private static func tag(_ name: CommandName) -> UInt8 {
            withUnsafeBytes(of: name) { $0[0] }
        }

        static func of(_ name: CommandName) -> ClauseFacts? {
            if MemoryLayout<CommandName>.size == 1, let facts = byTag[Int(tag(name))] { return facts }
            return byName[name]
        }
    }
}
