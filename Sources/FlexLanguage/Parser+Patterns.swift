// Test patterns (`VALUE matches { field: PATTERN, … }`) and `expect snapshot NAME: VALUE`,
// encoded as marker calls (PatternMarker) inside the ordinary expression tree.

extension Parser {
    // pattern = "any" [ KIND ] | "matches" STRING | record_pattern | list_pattern | expression
    mutating func parsePattern() -> ExpressionReference {
        if nestingLimitReached() { return make(.invalid, span: span(current)) }
        depth += 1
        defer { depth -= 1 }
        let token = current
        let start = Int(token.start)
        switch token.kind {
        case .leftBrace:
            return parseRecord(of: .patterns)
        case .leftBracket:
            return parseListPattern()
        case .identifier where token.keyword == .matches:
            advance()
            guard current.kind == .string else {
                errorAtCurrent("expected a regular expression string after 'matches'", help: "write a pattern like matches \"^fcus_\"")
                return make(.invalid, span: span(token))
            }
            let literal = current
            advance()
            let regex = parseStringLiteral(literal)
            let marker = tree.addName(PatternMarker.regex, span(token))
            let arguments = tree.referenceMark
            tree.append(regex)
            let argumentList = tree.finishReferences(from: arguments)
            return make(.call(marker, argumentList), span: span(from: start))
        case .identifier where text(token) == "any" && !continuesExpression(peek(1)):
            advance()
            var name = PatternMarker.anyPrefix
            if current.kind == .identifier, !current.keyword.isReserved || current.keyword == .null {
                name += " " + text(current)
                advance()
            }
            let marker = tree.addName(name, span(from: start))
            return make(.call(marker, .empty), span: span(from: start))
        default:
            guard canStartExpression(current) else {
                errorAtCurrent("expected a pattern", help: "a pattern is a value, any, any id, matches \"regex\", { field: pattern } or [pattern, …]")
                return make(.invalid, span: span(token))
            }
            return parseExpression()
        }
    }

    /// `any` followed by one of these is an ordinary expression (a variable named `any`).
    func continuesExpression(_ token: Token) -> Bool {
        switch token.kind {
        case .dot, .leftBracket, .leftParen: return true
        default: return binaryOperator(token) != nil
        }
    }

    // list_pattern = "[" [ pattern { "," pattern } [ "," ] ] "]"
    mutating func parseListPattern() -> ExpressionReference {
        let open = current
        advance()
        let elements: NodeRange = parseBracketed { parser in
            let elements = parser.tree.referenceMark
            parser.parseCommaSeparated(until: .rightBracket) { parser in
                let element = parser.parsePattern()
                parser.tree.append(element)
                return true
            }
            return parser.tree.finishReferences(from: elements)
        }
        expectCloser(.rightBracket, for: open)
        return make(.list(elements), span: span(from: Int(open.start)))
    }

    /// `expect snapshot NAME:` follows (NAME a word or a plain string).
    func isExpectSnapshotForm() -> Bool {
        guard current.kind == .identifier, text(current) == "snapshot" else { return false }
        let name = peek(1)
        guard name.kind == .string || name.kind == .identifier else { return false }
        return peek(2).kind == .colon
    }

    // expect_snapshot = "expect" "snapshot" ( WORD | STRING ) ":" expression
    mutating func parseExpectSnapshotStatement(start: Int) -> StatementReference {
        let keyword = current
        advance() // snapshot
        let nameToken = current
        let name: String
        if nameToken.kind == .string {
            name = plainString(nameToken, purpose: "a snapshot name") ?? ""
        } else {
            name = text(nameToken)
        }
        advance()
        advance() // :
        skipNewlines()
        let value = parseStatementExpression(after: "'expect snapshot \(name):'")
        let nameExpression = plainText(tree.addString(name), span: span(nameToken))
        let marker = tree.addName(PatternMarker.snapshot, span(keyword))
        let arguments = tree.referenceMark
        tree.append(nameExpression)
        tree.append(value)
        let argumentList = tree.finishReferences(from: arguments)
        let call = make(.call(marker, argumentList), span: span(from: Int(keyword.start)))
        return makeStatement(.expect(call, message: nil), span: span(from: start))
    }
}
