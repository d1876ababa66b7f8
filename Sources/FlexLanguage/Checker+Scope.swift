// Lexical scopes for the checker: one hash probe per bind or lookup at any depth, no copying.

extension Checker {
    /// A stack of scopes stored "inside out": `slots` maps each visible name to its innermost
    /// binding in `records`, and each record links to the binding it shadows. Popping a scope
    /// unwinds only the records that scope made.
    struct ScopeStack<Value> {
        private struct Record {
            var name: String
            var depth: Int
            var value: Value
            /// The record this one shadows, or -1.
            var shadowed: Int
        }

        private var slots = NameTable()
        private var records: [Record] = []
        /// `records.count` when each open scope began; the first entry is the outermost scope.
        private var scopeStarts: [Int] = [0]

        var depth: Int { scopeStarts.count - 1 }

        mutating func push() { scopeStarts.append(records.count) }

        mutating func pop() {
            guard scopeStarts.count > 1, let start = scopeStarts.popLast() else { return }
            while records.count > start, let record = records.popLast() {
                slots.set(record.name, record.shadowed)
            }
        }

        /// Binds in the innermost scope; rebinding a name of the same scope replaces its value.
        mutating func bind(_ name: String, _ value: Value) {
            let depth = self.depth
            let previous = slots.set(name, records.count)
            if previous >= 0, records[previous].depth == depth {
                records[previous].value = value
                slots.set(name, previous)
            } else {
                records.append(Record(name: name, depth: depth, value: value, shadowed: previous))
            }
        }

        mutating func reserveCapacity(_ count: Int) {
            slots.reserveCapacity(count)
            records.reserveCapacity(count)
        }

        func lookup(_ name: String) -> Value? {
            let index = slots.value(name)
            return index >= 0 ? records[index].value : nil
        }

        func contains(_ name: String) -> Bool { slots.value(name) >= 0 }

        /// The binding of `name` made in the innermost scope itself, if any.
        func lookupInCurrentScope(_ name: String) -> Value? {
            let index = slots.value(name)
            guard index >= 0, records[index].depth == depth else { return nil }
            return records[index].value
        }

        /// Every name visible now (for did-you-mean; not on the hot path).
        var names: [String] { slots.boundNames }
    }
}
