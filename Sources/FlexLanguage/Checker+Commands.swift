// Command rules from the command table: unknown phrases and clauses, duplicates, exclusive groups,
// required clauses and positionals, and the kinds of the values written in place.

extension Checker.Pass {
    mutating func checkCommand(_ invocation: CommandRecord) {
        let phraseSpan = tree.span(invocation.phraseStart, invocation.phraseEnd)
        guard let name = invocation.command else {
            let phrase = phraseText(invocation.phrase)
            let candidates = CommandTable.all.flatMap { $0.phrases.map { $0.joined(separator: " ") } }
            let help = Suggestions.closest(to: phrase, among: candidates).map { "did you mean '\($0)'?" }
            report("unknown command '\(phrase)'", at: phraseSpan,
                   help: help ?? "a command starts with one of: \(CommandTable.leadingWords.sorted().joined(separator: ", "))")
            // Clauses of an unknown command mean nothing; only its arguments can be checked.
            for position in invocation.arguments.positions { checkExpression(expression(at: position)) }
            return
        }
        guard let facts = Checker.ClauseFacts.of(name) else { return }
        checkPositionals(invocation, positionals: facts.positionals)
        checkClauses(invocation, facts: facts, command: name)
    }

    /// The phrase as written (`checkout`, `customer create`); built only for messages.
    func phraseText(_ phrase: NodeRange) -> String {
        phrase.positions.map { tree.text(NameReference(index: Int32(truncatingIfNeeded: $0))) }.joined(separator: " ")
    }

    private mutating func checkPositionals(_ invocation: CommandRecord, positionals: [PositionalSyntax]) {
        let arguments = invocation.arguments
        for (index, position) in arguments.positions.enumerated() {
            let argument = expression(at: position)
            guard index < positionals.count else {
                report("'\(phraseText(invocation.phrase))' takes \(Checker.counted(positionals.count, "argument")), but more were given",
                       at: tree.span(argument), help: "remove it, or write it as a clause")
                break
            }
            checkLiteral(argument, against: positionals[index].kind, context: ValueContext(name: positionals[index].name, phrase: invocation.phrase))
            checkExpression(argument)
        }
        let count = Int(arguments.count)
        if count < positionals.count, !positionals[count].isOptional {
            let missing = positionals[count]
            let phrase = phraseText(invocation.phrase)
            report("'\(phrase)' needs \(Self.positionalNoun(missing))", at: tree.span(invocation.phraseStart, invocation.phraseEnd),
                   help: "for example: \(phrase) \(Self.example(missing.kind))")
        }
    }

    /// Each clause is resolved once to its index in the command's table (the parser already did,
    /// when it matched the keyword); duplicates, exclusive groups and required clauses are then
    /// integer comparisons over a stack buffer, so a clean command allocates nothing.
    private mutating func checkClauses(_ invocation: CommandRecord, facts: Checker.ClauseFacts, command: CommandName) {
        let clauses = invocation.clauses
        let buysProducts = isReimbursement(clauses)
        // Required clauses that an unknown clause was suggested as: already reported there, so not missing again.
        var suggestedEntries: [Int] = []
        withUnsafeTemporaryAllocation(of: Int.self, capacity: Int(clauses.count)) { entries in
            for (index, position) in clauses.positions.enumerated() {
                let clause = tree.clauses[position]
                let tableIndex = clause.tableIndex >= 0 ? Int(clause.tableIndex) : facts.index(of: tree.string(clause.name))
                guard let entry = tableIndex else {
                    entries[index] = -1
                    if let suggestion = reportUnknownClause(clause, invocation: invocation, command: command),
                       let suggested = facts.index(of: suggestion) {
                        suggestedEntries.append(suggested)
                    }
                    continue
                }
                entries[index] = entry
                let group = facts.groups[entry]
                var earlier = 0
                while earlier < index, entries[earlier] != entry,
                      group < 0 || entries[earlier] < 0 || facts.groups[entries[earlier]] != group {
                    earlier += 1
                }
                if earlier < index {
                    let earlierClause = tree.clauses[Int(clauses.first) + earlier]
                    let (name, otherName) = (tree.string(clause.name), tree.string(earlierClause.name))
                    let earlierSpan = tree.span(earlierClause.keywordStart, earlierClause.keywordEnd)
                    let keywordSpan = tree.span(clause.keywordStart, clause.keywordEnd)
                    let note = entries[earlier] == entry
                        ? Diagnostic.Note("'\(name)' is first given here", span: earlierSpan)
                        : Diagnostic.Note("'\(otherName)' is given here", span: earlierSpan)
                    if entries[earlier] == entry {
                        report("duplicate clause '\(name)'", at: keywordSpan, help: "give each clause once", notes: [note])
                    } else {
                        report("'\(otherName)' and '\(name)' cannot be used together", at: keywordSpan,
                               help: "keep only one of them", notes: [note])
                    }
                }
                checkClauseValue(clause, kind: facts.kinds[entry], phrase: invocation.phrase, buysProducts: buysProducts)
            }
            for entry in facts.required where !(0..<Int(clauses.count)).contains(where: { entries[$0] == entry })
                && !suggestedEntries.contains(entry) {
                let phrase = phraseText(invocation.phrase)
                let name = facts.names[entry]
                report("'\(phrase)' needs \(Checker.article(name)) '\(name)' clause", at: tree.span(invocation.phraseStart, invocation.phraseEnd),
                       help: "for example: \(phrase)\(Self.requiredPositionalsExample(command)) \(Self.example(facts.kinds[entry], named: name))")
            }
        }
    }

    /// Reports the clause and returns the clause it suggests instead, if any.
    private mutating func reportUnknownClause(_ clause: ClauseRecord, invocation: CommandRecord, command: CommandName) -> String? {
        let phrase = phraseText(invocation.phrase)
        let clauseName = tree.string(clause.name)
        let clauses = CommandTable.syntax(command).clauses
        let names = clauses.map(\.name)
        let suggestion = Self.suggestedClause(for: clauseName, among: clauses)
        let help = suggestion.map { "did you mean '\($0)'?" } ?? "'\(phrase)' takes: \(names.joined(separator: ", "))"
        report("unknown clause '\(clauseName)' for '\(phrase)'", at: tree.span(clause.keywordStart, clause.keywordEnd), help: help)
        return suggestion
    }

    /// ` fcs_…` per required positional, so an example of a clause reads as a whole command (`pay fcs_… with card "…"`).
    static func requiredPositionalsExample(_ command: CommandName) -> String {
        CommandTable.syntax(command).positionals.filter { !$0.isOptional }.map { " " + example($0.kind) }.joined()
    }

    /// The clause meant by an unknown word: one whose Flex field it names (`line_items` → `items`),
    /// one it is the first word of (`with` → `with card`), else the closest clause name or Flex field (a misspelt field suggests its clause).
    static func suggestedClause(for word: String, among clauses: [ClauseSyntax]) -> String? {
        if let exact = clauses.first(where: { $0.field == word }) { return exact.name }
        // The first word of a multi-word clause alone (`pay s with "…"`): that clause is meant.
        if let started = clauses.first(where: { $0.keywords.count > 1 && $0.keywords[0] == word }) { return started.name }
        let fields = clauses.compactMap { clause in clause.field.map { ($0, clause.name) } }
        guard let closest = Suggestions.closest(to: word, among: clauses.map(\.name) + fields.map(\.0)) else { return nil }
        return clauses.contains { $0.name == closest } ? closest : fields.first { $0.0 == closest }?.1
    }

    /// `mode reimbursement`: the items are products, so a product ID in the cart is no mistake.
    private func isReimbursement(_ clauses: NodeRange) -> Bool {
        clauses.positions.contains { position in
            let clause = tree.clauses[position]
            guard case .word(let word) = clause.value else { return false }
            return tree.string(clause.name) == "mode" && tree.text(word) == "reimbursement"
        }
    }

    private mutating func checkClauseValue(_ clause: ClauseRecord, kind: ValueKind, phrase: NodeRange, buysProducts: Bool) {
        switch clause.value {
        case .none:
            if kind != .flag {
                let name = tree.string(clause.name)
                report("'\(name)' needs \(Checker.expectedNoun(kind))", at: tree.span(clause.start, clause.end),
                       help: "for example: \(Self.example(kind, named: name))")
            }
        case .expression(let value):
            if kind == .flag {
                let name = tree.string(clause.name)
                report("'\(name)' takes no value", at: tree.span(value), help: "write just '\(name)'")
            } else {
                checkLiteral(value, against: kind, context: ValueContext(name: tree.string(clause.name), phrase: phrase))
            }
            checkExpression(value)
        case .word(let word):
            switch kind {
            case .flag:
                let name = tree.string(clause.name)
                report("'\(name)' takes no value", at: tree.span(word), help: "write just '\(name)'")
            case .word(let choices):
                let text = tree.text(word)
                if !choices.isEmpty, !choices.contains(text) {
                    reportUnknownWord(text, at: tree.span(word), choices: choices,
                                      context: ValueContext(name: tree.string(clause.name), phrase: phrase))
                }
            default:
                break
            }
        case .items(let items, _, _):
            for position in items.positions {
                let item = tree.lineItems[position]
                if case .flexID(let text) = tree.node(item.price), let prefix = FlexIDPrefix.prefix(of: tree.string(text)), prefix != "fprice_",
                   !(buysProducts && prefix == "fprod_") {
                    report("expected a price ID (fprice_…), found \(Checker.idNoun(prefix: prefix))", at: tree.span(item.price),
                           help: "an item is a price (or its ID) and a quantity, like [price x2]")
                }
                checkExpression(item.price)
                if let quantity = item.quantity {
                    checkLiteral(quantity, against: .integer, context: nil)
                    checkExpression(quantity)
                }
            }
        }
    }

    /// "a customer ID (fcus_…)", "a duration", "a path".
    static func positionalNoun(_ positional: PositionalSyntax) -> String {
        switch positional.kind {
        case .id, .duration: Checker.expectedNoun(positional.kind)
        default: Checker.article(positional.name) + " " + positional.name
        }
    }

    /// A value of this kind as a user would write it, for "for example:" help.
    static func example(_ kind: ValueKind) -> String {
        switch kind {
        case .any: "…"
        case .string: "\"…\""
        case .integer: "1"
        case .money: "$24.99"
        case .duration: "1h"
        case .id(let prefix): "\(prefix)…"
        case .items: "[price x1]"
        case .record: "{ key: \"value\" }"
        case .word(let choices): choices.first ?? "name"
        case .flag: ""
        }
    }

    static func example(_ clause: ClauseSyntax) -> String {
        example(clause.kind, named: clause.name)
    }

    static func example(_ kind: ValueKind, named name: String) -> String {
        kind == .flag ? name : name + " " + example(kind)
    }
}
