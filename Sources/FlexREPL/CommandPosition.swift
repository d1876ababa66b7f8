// Where the cursor stands inside a command, found by walking the words typed after its phrase
// with the command's syntax from the table, so Tab offers what the parser would accept there.
import FlexLanguage

enum CommandPosition: Equatable {
    /// At a positional argument (`customer get ▮`); an optional one may also be skipped by a clause.
    case positional(PositionalSyntax)
    /// Where a clause may begin: the clauses not used yet.
    case clauseKeyword(unused: [ClauseSyntax])
    /// Between the words of a multi-word keyword (`pay s with ▮` → `card`).
    case keywordContinuation([String])
    /// At the value of a clause whose keyword was just typed.
    case clauseValue(ClauseSyntax)
    /// Inside an open `[` or `(` of a value.
    case insideBrackets

    /// Walks `words` (what follows the command's phrase, as `StatementScan` split it: strings
    /// are one word, brackets are words of their own) to the cursor.
    static func locate(after words: ArraySlice<String>, in syntax: CommandSyntax) -> CommandPosition {
        var walk = Walk(syntax: syntax)
        for word in words { walk.read(word) }
        return walk.position
    }

    /// The state of the walk: which positional is next, which clauses were used, and what is
    /// half read (a keyword's first words, a clause's value, a bracket).
    private struct Walk {
        let syntax: CommandSyntax
        var positionalIndex = 0
        var used: Set<String> = []
        /// A clause whose keyword was read and whose value was not.
        var pending: ClauseSyntax?
        /// The first words of a multi-word keyword.
        var partialKeyword: [String] = []
        var bracketDepth = 0

        init(syntax: CommandSyntax) { self.syntax = syntax }

        mutating func read(_ word: String) {
            if bracketDepth > 0 {
                if word == "[" || word == "(" { bracketDepth += 1 }
                if word == "]" || word == ")" { bracketDepth -= 1 }
                return
            }
            if word == "[" || word == "(" {
                bracketDepth = 1
                consumeValue()
                return
            }
            if !partialKeyword.isEmpty {
                readKeywordContinuation(word)
                return
            }
            if pending != nil {
                pending = nil
                return
            }
            if positionalIndex < syntax.positionals.count {
                guard syntax.positionals[positionalIndex].isOptional, startsClause(word) else {
                    positionalIndex += 1
                    return
                }
                positionalIndex = syntax.positionals.count
            }
            readKeyword(word)
        }

        /// A value was read where one was due: a clause's, or the next positional's.
        mutating func consumeValue() {
            if pending != nil {
                pending = nil
            } else if partialKeyword.isEmpty, positionalIndex < syntax.positionals.count {
                positionalIndex += 1
            }
        }

        func startsClause(_ word: String) -> Bool {
            syntax.clauses.contains { $0.keywords.first == word }
        }

        /// A word where a clause may begin; anything else continues the last value (`amount total - 100`).
        mutating func readKeyword(_ word: String) {
            if let clause = syntax.clauses.first(where: { $0.keywords == [word] }) {
                begin(clause)
            } else if startsClause(word) {
                partialKeyword = [word]
            }
        }

        mutating func readKeywordContinuation(_ word: String) {
            partialKeyword.append(word)
            if let clause = syntax.clauses.first(where: { $0.keywords == partialKeyword }) {
                partialKeyword = []
                begin(clause)
            } else if !syntax.clauses.contains(where: { $0.keywords.starts(with: partialKeyword) }) {
                partialKeyword = []
            }
        }

        mutating func begin(_ clause: ClauseSyntax) {
            used.insert(clause.name)
            if clause.kind != .flag { pending = clause }
        }

        var position: CommandPosition {
            if bracketDepth > 0 { return .insideBrackets }
            if !partialKeyword.isEmpty {
                let next = syntax.clauses.compactMap { clause in
                    clause.keywords.count > partialKeyword.count && clause.keywords.starts(with: partialKeyword)
                        ? clause.keywords[partialKeyword.count] : nil
                }
                return .keywordContinuation(next)
            }
            if let pending { return .clauseValue(pending) }
            if positionalIndex < syntax.positionals.count { return .positional(syntax.positionals[positionalIndex]) }
            return .clauseKeyword(unused: unusedClauses)
        }

        var unusedClauses: [ClauseSyntax] { syntax.clauses.filter { !used.contains($0.name) } }
    }
}
