// Commands, driven entirely by CommandTable: phrase matching, the command-word-vs-variable rule,
// positionals, clauses in any order, item lists, and unknown commands kept for the checker.

extension Parser {
    struct PhraseCandidate: Sendable {
        var words: [String]
        /// `words` as bytes, compared against the source without building Strings.
        var wordBytes: [[UInt8]]
        var syntax: CommandSyntax
        /// A required positional or clause: alone at the end of an expression, the word is a variable.
        var needsArgument: Bool
        /// Each clause's keywords as bytes, parallel to `syntax.clauses`.
        var clauseKeywords: [[[UInt8]]]
    }

    /// Candidates by leading word, longest phrase first (`checkout create` before `checkout`).
    static let commandPhrases: [String: [PhraseCandidate]] = {
        var table: [String: [PhraseCandidate]] = [:]
        for syntax in CommandTable.all {
            let needs = syntax.positionals.contains { !$0.isOptional } || syntax.clauses.contains { $0.isRequired }
            for phrase in syntax.phrases where !phrase.isEmpty {
                table[phrase[0], default: []].append(PhraseCandidate(
                    words: phrase, wordBytes: phrase.map { Array($0.utf8) }, syntax: syntax, needsArgument: needs,
                    clauseKeywords: syntax.clauses.map { $0.keywords.map { Array($0.utf8) } }))
            }
        }
        return table.mapValues { $0.sorted { $0.words.count > $1.words.count } }
    }()

    /// Second words of multi-word phrases (`create`, `get`, `of`, …): an unknown first word followed by one
    /// of these is most likely a misspelt phrase (`cusomer create`).
    static let phraseSecondWords: Set<String> = Set(CommandTable.all.flatMap { $0.phrases.compactMap { $0.count > 1 ? $0[1] : nil } })

    /// Quick rejection before the dictionary lookup: could a word of this first byte and length lead a phrase?
    static let leadingWordShapes: [Bool] = {
        var shapes = [Bool](repeating: false, count: 256 * 32)
        for word in CommandTable.leadingWords {
            let bytes = Array(word.utf8)
            shapes[Int(bytes[0]) * 32 + min(bytes.count, 31)] = true
        }
        return shapes
    }()

    func mayLeadCommand(_ token: Token) -> Bool {
        Parser.leadingWordShapes[Int(source[Int(token.start)]) * 32 + min(Int(token.end - token.start), 31)]
    }

    func tokenText(_ token: Token, equals word: String) -> Bool {
        token.kind == .identifier
            && word.utf8.elementsEqual(UnsafeBufferPointer(rebasing: source[Int(token.start)..<Int(token.end)]))
    }

    @inline(__always)
    func tokenText(_ token: Token, equalsBytes word: [UInt8]) -> Bool {
        guard token.kind == .identifier, Int(token.end - token.start) == word.count else { return false }
        var offset = 0
        let start = Int(token.start)
        while offset < word.count {
            if source[start + offset] != word[offset] { return false }
            offset += 1
        }
        return true
    }

    /// Words that end a command's clause list: operators, and the keywords of the statement around it.
    func isClauseListStop(_ token: Token) -> Bool {
        switch token.keyword {
        case .and, .or, .not, .contains, .matches, .in, .else, .every, .timeout, .until: return true
        default: return token.keyword.isReserved
        }
    }

    /// Whether `token` can begin a positional or clause value.
    func canStartValue(_ token: Token) -> Bool {
        guard canStartExpression(token) else { return false }
        guard token.kind == .identifier else { return true }
        switch token.keyword {
        case .true, .false, .null: return true
        default: return !isClauseListStop(token)
        }
    }

    /// After a command's first word, these make the word a variable: `customer.email`, `checkout[0]`, `refund == x`.
    func isVariableFollower(_ token: Token) -> Bool {
        switch token.kind {
        case .dot, .leftBracket, .assign: return true
        default: return binaryOperator(token) != nil
        }
    }

    func endsExpression(_ token: Token) -> Bool {
        switch token.kind {
        case .newline, .semicolon, .rightParen, .comma, .rightBracket, .rightBrace, .endOfInput: return true
        case .leftBrace: return noRecordLiteral
        case .identifier: return isClauseListStop(token) && token.keyword != .not
        default: return false
        }
    }

    // command = PHRASE { positional } { clause }
    /// A command when `word` begins a phrase of the table and is not being used as a variable.
    mutating func parseCommandIfPresent(word: String) -> Expression? {
        guard mayLeadCommand(current), let candidates = Parser.commandPhrases[word], !isVariableFollower(peek(1)) else { return nil }
        for candidate in candidates {
            var matched = true
            for offset in 1..<max(1, candidate.words.count) where !tokenText(peek(offset), equalsBytes: candidate.wordBytes[offset]) {
                matched = false
                break
            }
            guard matched else { continue }
            if candidate.words.count == 1, candidate.needsArgument, endsExpression(peek(1)) { return nil }
            return parseCommand(candidate)
        }
        return nil
    }

    mutating func parseCommand(_ candidate: PhraseCandidate) -> Expression {
        let start = Int(current.start)
        // A command's values may be commands (`refund refund …`): that recursion counts toward the limit too.
        if nestingLimitReached() { return Expression(.invalid, span: span(current)) }
        depth += 1
        defer { depth -= 1 }
        var phrase: [Identifier] = []
        for _ in candidate.words {
            phrase.append(identifier(current))
            advance()
        }
        let phraseSpan = SourceSpan(file: file, start: start, end: previousEnd)
        let syntax = candidate.syntax
        var arguments: [Expression] = []
        for positional in syntax.positionals {
            guard !panicking, canStartValue(current), !isClauseKeyword(current, of: candidate) else { break }
            arguments.append(parsePositional(positional.kind))
        }
        var clauses: [Clause] = []
        if current.kind == .identifier { clauses.reserveCapacity(min(syntax.clauses.count, 4)) }
        while !panicking, current.kind == .identifier {
            if let (clauseSyntax, wordCount) = matchClause(of: candidate) {
                clauses.append(parseClause(clauseSyntax, wordCount: wordCount))
            } else if isClauseListStop(current) {
                break
            } else {
                clauses.append(parseUnknownClause(of: candidate))
            }
        }
        let invocation = CommandInvocation(command: syntax.name, phrase: phrase, phraseSpan: phraseSpan, arguments: arguments, clauses: clauses)
        return Expression(.command(invocation), span: span(from: start))
    }

    /// A positional value: a bare word for `.word` kinds (kept as a string literal), otherwise a postfix-level expression.
    mutating func parsePositional(_ kind: ValueKind) -> Expression {
        if case .word = kind, current.kind == .identifier, current.keyword == .none || current.keyword == .error {
            let token = current
            advance()
            return Expression(.string([.text(text(token))]), span: span(token))
        }
        return parseUnary()
    }

    func isClauseKeyword(_ token: Token, of candidate: PhraseCandidate) -> Bool {
        guard token.kind == .identifier else { return false }
        return candidate.clauseKeywords.contains { !$0.isEmpty && tokenText(token, equalsBytes: $0[0]) }
    }

    /// The longest clause whose keywords are the next words (`with card` before `with`).
    func matchClause(of candidate: PhraseCandidate) -> (ClauseSyntax, Int)? {
        var best: (index: Int, count: Int)?
        for (index, keywords) in candidate.clauseKeywords.enumerated() where !keywords.isEmpty && keywords.count > (best?.count ?? 0) {
            var matched = true
            for offset in 0..<keywords.count where !tokenText(peek(offset), equalsBytes: keywords[offset]) {
                matched = false
                break
            }
            if matched { best = (index, keywords.count) }
        }
        guard let best else { return nil }
        return (candidate.syntax.clauses[best.index], best.count)
    }

    // clause = KEYWORD { KEYWORD } [ value ]   (the value's shape comes from the clause's ValueKind)
    mutating func parseClause(_ clause: ClauseSyntax, wordCount: Int) -> Clause {
        let keywordStart = Int(current.start)
        for _ in 0..<wordCount { advance() }
        let keywordSpan = SourceSpan(file: file, start: keywordStart, end: previousEnd)
        let value: ClauseValue
        switch clause.kind {
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
                value = .word(identifier(current))
                advance()
            } else {
                value = canStartValue(current) ? .expression(parseUnary()) : .none
            }
        default:
            // A missing value stays `.none`; the checker says what the clause needs.
            value = canStartValue(current) ? .expression(parseUnary()) : .none
        }
        return Clause(name: clause.name, keywordSpan: keywordSpan, value: value, span: SourceSpan(file: file, start: keywordStart, end: previousEnd))
    }

    /// A word that is no clause of this command: kept, with a value if one follows, so one typo does not derail the line.
    mutating func parseUnknownClause(of candidate: PhraseCandidate) -> Clause {
        let keyword = current
        advance()
        var value = ClauseValue.none
        if canStartValue(current), !isClauseKeyword(current, of: candidate) {
            value = .expression(parseUnary())
        }
        return Clause(name: text(keyword), keywordSpan: span(keyword), value: value, span: span(from: Int(keyword.start)))
    }

    // item_list = "[" [ item { "," item } [ "," ] ] "]" ; item = price [ "x" quantity | "xN" ]
    mutating func parseItemList() -> ClauseValue {
        let open = current
        advance()
        let items: [LineItemExpression] = parseBracketed { parser in
            parser.commandsAllowed = false
            var items: [LineItemExpression] = []
            while parser.current.kind != .rightBracket, !parser.panicking {
                guard parser.canStartValue(parser.current) else {
                    parser.errorAtCurrent("expected a price or ']'", help: "write items like [price x2, other_price]")
                    break
                }
                let price = parser.parseUnary()
                let quantity = parser.parseQuantity()
                items.append(LineItemExpression(price: price, quantity: quantity, span: SourceSpan(file: parser.file, start: price.span.start, end: parser.previousEnd)))
                guard parser.current.kind == .comma else { break }
                parser.advance()
            }
            return items
        }
        expectCloser(.rightBracket, for: open)
        return .items(items, span: span(from: Int(open.start)))
    }

    /// `x2` (one word) or `x 2` / `x n` (the word `x`, then a value); nil when no quantity is written.
    mutating func parseQuantity() -> Expression? {
        let token = current
        guard token.kind == .identifier, source[Int(token.start)] == UInt8(ascii: "x") else { return nil }
        let length = Int(token.end - token.start)
        if length == 1 {
            advance()
            guard canStartValue(current) else {
                errorAtCurrent("expected a quantity after 'x'", help: "write a quantity like x2 or x 2")
                return Expression(.invalid, span: span(token))
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
            return Expression(.invalid, span: digits)
        }
        return Expression(.integer(value), span: digits)
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

    /// An unknown phrase: its words become clauses and its literals arguments, for the checker's did-you-mean.
    mutating func parseUnknownCommand() -> Expression {
        let first = current
        let start = Int(first.start)
        var phrase = [identifier(first)]
        advance()
        if current.kind == .identifier, !isClauseListStop(current),
           Parser.commandPhrases[phrase[0].name] != nil || Parser.phraseSecondWords.contains(text(current)) {
            phrase.append(identifier(current))
            advance()
        }
        let phraseSpan = SourceSpan(file: file, start: start, end: previousEnd)
        var arguments: [Expression] = []
        var clauses: [Clause] = []
        while !panicking {
            if current.kind == .identifier {
                if isClauseListStop(current), current.keyword != .for { break }
                let keyword = current
                advance()
                var value = ClauseValue.none
                if current.kind != .identifier, canStartValue(current) { value = .expression(parseUnary()) }
                clauses.append(Clause(name: text(keyword), keywordSpan: span(keyword), value: value, span: span(from: Int(keyword.start))))
            } else if canStartValue(current) {
                arguments.append(parseUnary())
            } else {
                break
            }
        }
        let invocation = CommandInvocation(command: nil, phrase: phrase, phraseSpan: phraseSpan, arguments: arguments, clauses: clauses)
        return Expression(.command(invocation), span: span(from: start))
    }
}
