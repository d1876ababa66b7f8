// Command rules from the command table: unknown phrases and clauses, duplicates, exclusive groups,
// required clauses and positionals, and the kinds of the values written in place.

extension Checker.Pass {
    mutating func checkCommand(_ invocation: CommandInvocation) {
        guard let name = invocation.command else {
            let phrase = Self.phraseText(invocation)
            let candidates = CommandTable.all.flatMap { $0.phrases.map { $0.joined(separator: " ") } }
            let help = Suggestions.closest(to: phrase, among: candidates).map { "did you mean '\($0)'?" }
            report("unknown command '\(phrase)'", at: invocation.phraseSpan,
                   help: help ?? "a command starts with one of: \(CommandTable.leadingWords.sorted().joined(separator: ", "))")
            // Clauses of an unknown command mean nothing; only its arguments can be checked.
            for argument in invocation.arguments { checkExpression(argument) }
            return
        }
        guard let facts = Checker.ClauseFacts.of(name) else { return }
        checkPositionals(invocation, positionals: facts.positionals)
        checkClauses(invocation, facts: facts, command: name)
    }

    /// The phrase as written (`checkout`, `customer create`); built only for messages.
    static func phraseText(_ invocation: CommandInvocation) -> String {
        phraseText(invocation.phrase)
    }

    static func phraseText(_ phrase: [Identifier]) -> String {
        phrase.map(\.name).joined(separator: " ")
    }

    private mutating func checkPositionals(_ invocation: CommandInvocation, positionals: [PositionalSyntax]) {
        for (index, argument) in invocation.arguments.enumerated() {
            guard index < positionals.count else {
                report("'\(Self.phraseText(invocation))' takes \(Checker.counted(positionals.count, "argument")), but more were given",
                       at: argument.span, help: "remove it, or write it as a clause")
                break
            }
            checkLiteral(argument, against: positionals[index].kind, context: ValueContext(name: positionals[index].name, phrase: invocation.phrase))
            checkExpression(argument)
        }
        if invocation.arguments.count < positionals.count, !positionals[invocation.arguments.count].isOptional {
            let missing = positionals[invocation.arguments.count]
            let phrase = Self.phraseText(invocation)
            report("'\(phrase)' needs \(Self.positionalNoun(missing))", at: invocation.phraseSpan,
                   help: "for example: \(phrase) \(Self.example(missing.kind))")
        }
    }

    /// Each clause is resolved once to its index in the command's table; duplicates, exclusive
    /// groups and required clauses are then integer comparisons over a stack buffer, so a clean
    /// command allocates nothing and copies each clause once.
    private mutating func checkClauses(_ invocation: CommandInvocation, facts: Checker.ClauseFacts, command: CommandName) {
        // Reading clauses through a buffer pointer projects their fields instead of copying each
        // whole Clause (name, value and spans) on every access.
        invocation.clauses.withUnsafeBufferPointer { clauses in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: clauses.count) { entries in
                for index in clauses.indices {
                    guard let entry = facts.index(of: clauses[index].name) else {
                        entries[index] = -1
                        reportUnknownClause(clauses[index], invocation: invocation, command: command)
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
                        let (name, otherName) = (clauses[index].name, clauses[earlier].name)
                        let note = entries[earlier] == entry
                            ? Diagnostic.Note("'\(name)' is first given here", span: clauses[earlier].keywordSpan)
                            : Diagnostic.Note("'\(otherName)' is given here", span: clauses[earlier].keywordSpan)
                        if entries[earlier] == entry {
                            report("duplicate clause '\(name)'", at: clauses[index].keywordSpan,
                                   help: "give each clause once", notes: [note])
                        } else {
                            report("'\(otherName)' and '\(name)' cannot be used together", at: clauses[index].keywordSpan,
                                   help: "keep only one of them", notes: [note])
                        }
                    }
                    checkClauseValue(clauses[index], kind: facts.kinds[entry], phrase: invocation.phrase)
                }
                for entry in facts.required where !(0..<clauses.count).contains(where: { entries[$0] == entry }) {
                    let phrase = Self.phraseText(invocation)
                    let name = facts.names[entry]
                    report("'\(phrase)' needs \(Checker.article(name)) '\(name)' clause", at: invocation.phraseSpan,
                           help: "for example: \(phrase) \(Self.example(facts.kinds[entry], named: name))")
                }
            }
        }
    }

    private mutating func reportUnknownClause(_ clause: Clause, invocation: CommandInvocation, command: CommandName) {
        let phrase = Self.phraseText(invocation)
        let names = CommandTable.syntax(command).clauses.map(\.name)
        let help = Suggestions.closest(to: clause.name, among: names).map { "did you mean '\($0)'?" }
            ?? "'\(phrase)' takes: \(names.joined(separator: ", "))"
        report("unknown clause '\(clause.name)' for '\(phrase)'", at: clause.keywordSpan, help: help)
    }

    private mutating func checkClauseValue(_ clause: Clause, kind: ValueKind, phrase: [Identifier]) {
        let context = ValueContext(name: clause.name, phrase: phrase)
        switch clause.value {
        case .none:
            if kind != .flag {
                report("'\(clause.name)' needs \(Checker.expectedNoun(kind))", at: clause.span,
                       help: "for example: \(Self.example(kind, named: clause.name))")
            }
        case .expression(let value):
            if kind == .flag {
                report("'\(clause.name)' takes no value", at: value.span, help: "write just '\(clause.name)'")
            } else {
                checkLiteral(value, against: kind, context: context)
            }
            checkExpression(value)
        case .word(let word):
            switch kind {
            case .flag:
                report("'\(clause.name)' takes no value", at: word.span, help: "write just '\(clause.name)'")
            case .word(let choices):
                if !choices.isEmpty, !choices.contains(word.name) {
                    reportUnknownWord(word.name, at: word.span, choices: choices, context: context)
                }
            default:
                break
            }
        case .items(let items, _):
            for item in items {
                if case .flexID(let text) = item.price.kind, let prefix = FlexIDPrefix.prefix(of: text), prefix != "fprice_" {
                    report("expected a price ID (fprice_…), found \(Checker.idNoun(prefix: prefix))", at: item.price.span,
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
