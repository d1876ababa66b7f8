// Commands, driven entirely by CommandTable: phrase matching, the command-word-vs-variable rule,
// positionals, clauses in any order, item lists, and unknown commands kept for the checker.

extension Parser {
    /// The id of `token` in the command grammar: -1 unless it is an identifier spelling a phrase word or clause keyword.
    @inline(__always)
    func wordID(_ token: Token) -> Int {
        guard token.kind == .identifier else { return -1 }
        return grammar.id(source, Int(token.start), Int(token.end))
    }

    @inline(__always)
    func mayLeadCommand(_ token: Token) -> Bool {
        grammar.mayLeadPhrase(firstByte: source[Int(token.start)], length: Int(token.end - token.start))
    }

    /// Words that end a command's clause list: operators, and the keywords of the statement around it.
    @inline(__always)
    func isClauseListStop(_ token: Token) -> Bool {
        switch token.keyword {
        case .and, .or, .not, .contains, .matches, .in, .else, .every, .timeout, .until: return true
        default: return token.keyword.isReserved
        }
    }

    /// Whether `token` can begin a positional or clause value.
    @inline(__always)
    func canStartValue(_ token: Token) -> Bool {
        guard canStartExpression(token) else { return false }
        guard token.kind == .identifier else { return true }
        switch token.keyword {
        case .true, .false, .null: return true
        default: return !isClauseListStop(token)
        }
    }

    /// After a command's first word, these make the word a variable: `customer.email`, `checkout[0]`, `refund == x`.
    @inline(__always)
    func isVariableFollower(_ token: Token) -> Bool {
        switch token.kind {
        case .dot, .leftBracket, .assign: return true
        default: return binaryOperator(token) != nil
        }
    }

    @inline(__always)
    func endsExpression(_ token: Token) -> Bool {
        switch token.kind {
        case .newline, .semicolon, .rightParen, .comma, .rightBracket, .rightBrace, .endOfInput: return true
        case .leftBrace: return noRecordLiteral
        case .identifier: return isClauseListStop(token) && token.keyword != .not
        default: return false
        }
    }

    // command = PHRASE { positional } { clause }
    /// A command when `token` begins a phrase of the table and is not being used as a variable.
    mutating func parseCommandIfPresent(_ token: Token) -> ExpressionReference? {
        guard mayLeadCommand(token) else { return nil }
        let first = wordID(token)
        guard first >= 0, !grammar.phrasesByLeadingWord[first].isEmpty, !isVariableFollower(peek(1)) else { return nil }
        for phrase in grammar.phrasesByLeadingWord[first] {
            var offset = 1
            while offset < phrase.wordIDs.count, wordID(peek(offset)) == phrase.wordIDs[offset] { offset += 1 }
            guard offset == phrase.wordIDs.count else { continue }
            if phrase.wordIDs.count == 1, phrase.needsArgument, endsExpression(peek(1)) { return nil }
            return parseCommand(phrase)
        }
        return nil
    }

    mutating func parseCommand(_ grammarPhrase: CommandGrammar.Phrase) -> ExpressionReference {
        let start = Int(current.start)
        // A command's values may be commands (`refund refund …`): that recursion counts toward the
        // limit too, twice, because each level of it takes seven parser frames (command, positional,
        // unary, postfix, primary, word, command-if-present) where a bracket takes three or four;
        // at one count per level, 128 of them overflowed a worker thread's stack under ASan.
        if nestingLimitReached() { return make(.invalid, span: span(current)) }
        depth += 2
        defer { depth -= 2 }
        let phrase = phraseWords(grammarPhrase.wordIDs.count)
        let phraseSpan = SourceSpan(file: file, start: start, end: previousEnd)
        let arguments = tree.referenceMark
        for takesWord in grammarPhrase.positionalTakesWord {
            guard !panicking, canStartValue(current), !isClauseKeyword(current, of: grammarPhrase) else { break }
            let argument = parsePositional(takesWord: takesWord)
            tree.append(argument)
        }
        let clauses = tree.clauseMark
        while !panicking, current.kind == .identifier {
            let clause: ClauseRecord
            if let (index, wordCount) = matchClause(of: grammarPhrase) {
                clause = parseClause(index, of: grammarPhrase, wordCount: wordCount)
            } else if isClauseListStop(current) {
                break
            } else if isMisspeltMultiWordClause(of: grammarPhrase) {
                clause = parseMisspeltMultiWordClause(of: grammarPhrase)
            } else {
                clause = parseUnknownClause(of: grammarPhrase)
            }
            tree.append(clause)
        }
        return finishCommand(grammarPhrase.command, phrase: phrase, phraseSpan: phraseSpan, arguments: arguments,
                             clauses: clauses, start: start)
    }

    /// The next `count` words as the phrase (consecutive names in the tree).
    mutating func phraseWords(_ count: Int) -> NodeRange {
        let first = Int32(truncatingIfNeeded: tree.nameCount)
        for _ in 0..<count {
            _ = identifier(current)
            advance()
        }
        return NodeRange(first: first, count: Int32(truncatingIfNeeded: count))
    }

    /// The command node, from the arguments and clauses collected since the two marks.
    mutating func finishCommand(_ command: CommandName?, phrase: NodeRange, phraseSpan: SourceSpan,
                                arguments: Int, clauses: Int, start: Int) -> ExpressionReference {
        let argumentList = tree.finishReferences(from: arguments)
        let clauseList = tree.finishClauses(from: clauses)
        let record = CommandRecord(command: command, phraseStart: Int32(truncatingIfNeeded: phraseSpan.start),
                                   phraseEnd: Int32(truncatingIfNeeded: phraseSpan.end), phrase: phrase,
                                   arguments: argumentList, clauses: clauseList)
        return make(.command(tree.addCommand(record)), span: span(from: start))
    }

    /// A positional value: a bare word for `.word` kinds (kept as a string literal), otherwise a postfix-level expression.
    mutating func parsePositional(takesWord: Bool) -> ExpressionReference {
        if takesWord, current.kind == .identifier, current.keyword == .none || current.keyword == .error {
            let token = current
            advance()
            return plainText(sourceText(token), span: span(token))
        }
        return parseUnary()
    }

    @inline(__always)
    func isClauseKeyword(_ token: Token, of phrase: CommandGrammar.Phrase) -> Bool {
        let id = wordID(token)
        return id >= 0 && phrase.clauseFirstWords.contains(id)
    }

    /// The longest clause whose keywords are the next words (`with card` before `with`), as an index into the phrase's clauses.
    func matchClause(of phrase: CommandGrammar.Phrase) -> (clause: Int, wordCount: Int)? {
        let first = wordID(current)
        guard first >= 0 else { return nil }
        var best: (clause: Int, wordCount: Int)?
        for clause in phrase.clauseFirstWords.indices where phrase.clauseFirstWords[clause] == first {
            let words = phrase.clauseWordIDs[clause]
            guard words.count > (best?.wordCount ?? 0) else { continue }
            var offset = 1
            while offset < words.count, wordID(peek(offset)) == words[offset] { offset += 1 }
            if offset == words.count { best = (clause, words.count) }
        }
        return best
    }

    // clause = KEYWORD { KEYWORD } [ value ]   (the value's shape comes from the clause's ValueKind)
    mutating func parseClause(_ clause: Int, of phrase: CommandGrammar.Phrase, wordCount: Int) -> ClauseRecord {
        let keywordStart = Int(current.start)
        for _ in 0..<wordCount { advance() }
        let keywordEnd = previousEnd
        let value: ClauseRecord.Value
        switch phrase.clauseShapes[clause] {
        case .flag:
            value = .none
        case .items:
            if current.kind == .leftBracket {
                value = parseItemList()
            } else {
                value = canStartValue(current) ? .expression(parseUnary()) : .none
            }
        case .word:
            if current.kind == .identifier, current.keyword == .none || current.keyword == .error {
                let word = identifier(current)
                value = .word(word)
                advance()
            } else {
                value = canStartValue(current) ? .expression(parseUnary()) : .none
            }
        case .value:
            // A missing value stays `.none`; the checker says what the clause needs.
            value = canStartValue(current) ? .expression(parseUnary()) : .none
        }
        return ClauseRecord(name: tree.clauseName(phrase.clauseNameIDs[clause], phrase.clauseNames[clause]), tableIndex: Int16(truncatingIfNeeded: clause), keywordStart: Int32(truncatingIfNeeded: keywordStart),
                            keywordEnd: Int32(truncatingIfNeeded: keywordEnd), value: value,
                            start: Int32(truncatingIfNeeded: keywordStart), end: Int32(truncatingIfNeeded: max(keywordStart, previousEnd)))
    }

    /// A word that is no clause of this command: kept, with a value if one follows, so one typo does not derail the line.
    mutating func parseUnknownClause(of phrase: CommandGrammar.Phrase) -> ClauseRecord {
        let keyword = current
        advance()
        var value = ClauseRecord.Value.none
        if canStartValue(current), !isClauseKeyword(current, of: phrase) {
            value = .expression(parseUnary())
        }
        return unknownClause(keyword, value: value)
    }

    /// A clause named by the word as written.
    func unknownClause(_ keyword: Token, value: ClauseRecord.Value) -> ClauseRecord {
        unknownClause(named: sourceText(keyword), from: keyword, to: keyword, value: value)
    }

    func unknownClause(named name: TextReference, from first: Token, to last: Token, value: ClauseRecord.Value) -> ClauseRecord {
        ClauseRecord(name: name, tableIndex: -1, keywordStart: first.start, keywordEnd: last.end, value: value,
                     start: first.start, end: Int32(truncatingIfNeeded: max(Int(first.start), previousEnd)))
    }

    /// Two words that miss a multi-word clause by one of them: `with crd` (the first word leads such a
    /// clause) or `wth card` (the second word ends one and the pair is close to it). Read as one
    /// unknown clause, the checker can suggest the clause and the value after it is not left stranded.
    /// Only reached for a word that is no clause, so a clean script never pays for it.
    func isMisspeltMultiWordClause(of phrase: CommandGrammar.Phrase) -> Bool {
        let next = peek(1)
        guard next.kind == .identifier, !isClauseListStop(next), !isClauseKeyword(next, of: phrase) else { return false }
        let first = wordID(current), second = wordID(next)
        var secondEndsClause = false
        for words in phrase.clauseWordIDs where words.count > 1 {
            if first >= 0, words[0] == first { return true }
            if second >= 0, words[words.count - 1] == second { secondEndsClause = true }
        }
        guard secondEndsClause else { return false }
        let multiWordNames = phrase.clauseNames.filter { $0.contains(" ") }
        return Suggestions.closest(to: text(current) + " " + text(next), among: multiWordNames) != nil
    }

    /// The two words of a misspelt multi-word clause, named as written (one space between them), and its value.
    mutating func parseMisspeltMultiWordClause(of phrase: CommandGrammar.Phrase) -> ClauseRecord {
        let first = current
        advance()
        let second = current
        advance()
        var value = ClauseRecord.Value.none
        if canStartValue(current), !isClauseKeyword(current, of: phrase) {
            value = .expression(parseUnary())
        }
        return unknownClause(named: tree.addString(text(first) + " " + text(second)), from: first, to: second, value: value)
    }

    // item_list = "[" [ item { "," item } [ "," ] ] "]" ; item = price [ "x" quantity | "xN" ]
    mutating func parseItemList() -> ClauseRecord.Value {
        let open = current
        advance()
        let items: NodeRange = parseBracketed { parser in
            parser.commandsAllowed = false
            let items = parser.tree.lineItemMark
            parser.parseCommaSeparated(until: .rightBracket) { parser in
                guard parser.canStartValue(parser.current) else {
                    parser.errorAtCurrent("expected a price or ']'", help: "write items like [price x2, other_price]")
                    return false
                }
                let price = parser.parseUnary()
                let quantity = parser.parseQuantity()
                let start = parser.tree.span(price).start
                parser.tree.append(LineItemRecord(price: price, quantity: quantity, start: Int32(truncatingIfNeeded: start),
                                                  end: Int32(truncatingIfNeeded: max(start, parser.previousEnd))))
                return true
            }
            return parser.tree.finishLineItems(from: items)
        }
        expectCloser(.rightBracket, for: open)
        let whole = span(from: Int(open.start))
        return .items(items, start: Int32(truncatingIfNeeded: whole.start), end: Int32(truncatingIfNeeded: whole.end))
    }

    /// `x2` (one word) or `x 2` / `x n` (the word `x`, then a value); nil when no quantity is written.
    mutating func parseQuantity() -> ExpressionReference? {
        let token = current
        guard token.kind == .identifier, source[Int(token.start)] == UInt8(ascii: "x") else { return nil }
        let length = Int(token.end - token.start)
        if length == 1 {
            advance()
            guard canStartValue(current) else {
                errorAtCurrent("expected a quantity after 'x'", help: "write a quantity like x2 or x 2")
                return make(.invalid, span: span(token))
            }
            return parseUnary()
        }
        var value = 0
        var overflow = false
        for offset in 1..<length {
            let byte = source[Int(token.start) + offset]
            guard Lexer.isDigit(byte) else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            if o1 || o2 { overflow = true } else { value = sum }
        }
        advance()
        let digits = SourceSpan(file: file, start: Int(token.start) + 1, end: Int(token.end))
        if overflow {
            softError("quantity is too large", at: digits)
            return make(.invalid, span: digits)
        }
        return make(.integer(value), span: digits)
    }

    /// At a statement's start, a word that is no command but is followed by a word or a literal on the
    /// same line reads as a misspelt command (`cusomer create email "x"`).
    func looksLikeUnknownCommand() -> Bool {
        let next = peek(1)
        switch next.kind {
        case .string, .integer, .decimal, .money, .duration, .flexID:
            return true
        case .identifier:
            return !isClauseListStop(next) || next.keyword == .for
        default:
            return false
        }
    }

    func leadsPhrase(_ token: Token) -> Bool {
        let id = wordID(token)
        return id >= 0 && !grammar.phrasesByLeadingWord[id].isEmpty
    }

    /// The second word of a multi-word phrase (`create`, `get`, `of`, …): after an unknown first word it
    /// most likely belongs to a misspelt phrase (`cusomer create`).
    func isPhraseSecondWord(_ token: Token) -> Bool {
        let id = wordID(token)
        return id >= 0 && grammar.isPhraseSecondWord[id]
    }

    /// An unknown phrase: its words become clauses and its literals arguments, for the checker's did-you-mean.
    mutating func parseUnknownCommand() -> ExpressionReference {
        let first = current
        let start = Int(first.start)
        let secondIsPhrase = peek(1).kind == .identifier && !isClauseListStop(peek(1)) && (leadsPhrase(first) || isPhraseSecondWord(peek(1)))
        let phrase = phraseWords(secondIsPhrase ? 2 : 1)
        let phraseSpan = SourceSpan(file: file, start: start, end: previousEnd)
        let arguments = tree.referenceMark, clauses = tree.clauseMark
        while !panicking {
            if current.kind == .identifier {
                if isClauseListStop(current), current.keyword != .for { break }
                let keyword = current
                advance()
                var value = ClauseRecord.Value.none
                if current.kind != .identifier, canStartValue(current) { value = .expression(parseUnary()) }
                tree.append(unknownClause(keyword, value: value))
            } else if canStartValue(current) {
                let argument = parseUnary()
                tree.append(argument)
            } else {
                break
            }
        }
        return finishCommand(nil, phrase: phrase, phraseSpan: phraseSpan, arguments: arguments, clauses: clauses, start: start)
    }
}
