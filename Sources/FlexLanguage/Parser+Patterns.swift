// Test patterns (`VALUE matches { field: PATTERN, … }`) and `expect snapshot NAME: VALUE`,
// encoded as marker calls (PatternMarker) inside the ordinary expression tree.

extension Parser {
    // pattern = "any" [ KIND ] | "matches" STRING | record_pattern | list_pattern | expression
    mutating func parsePattern() -> Expression {
        if nestingLimitReached() { return Expression(.invalid, span: span(current)) }
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
                return Expression(.invalid, span: span(token))
            }
            let literal = current
            advance()
            let regex = parseStringLiteral(literal)
            return Expression(.call(Identifier(PatternMarker.regex, span: span(token)), [regex]), span: span(from: start))
        case .identifier where text(token) == "any" && !continuesExpression(peek(1)):
            advance()
            var name = PatternMarker.anyPrefix
            if current.kind == .identifier, !current.keyword.isReserved || current.keyword == .null {
                name += " " + text(current)
                advance()
            }
            return Expression(.call(Identifier(name, span: span(from: start)), []), span: span(from: start))
        default:
            guard canStartExpression(current) else {
                errorAtCurrent("expected a pattern", help: "a pattern is a value, any, any id, matches \"regex\", { field: pattern } or [pattern, …]")
                return Expression(.invalid, span: span(token))
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
    mutating func parseListPattern() -> Expression {
        let open = current
        advance()
        let elements: [Expression] = parseBracketed { parser in
            var elements: [Expression] = []
            while parser.current.kind != .rightBracket, !parser.panicking {
                elements.append(parser.parsePattern())
                guard parser.current.kind == .comma else { break }
                parser.advance()
            }
            return elements
        }
        expectCloser(.rightBracket, for: open)
        return Expression(.list(elements), span: span(from: Int(open.start)))
    }

    /// `expect snapshot NAME:` follows (NAME a word or a plain string).
    func isExpectSnapshotForm() -> Bool {
        guard current.kind == .identifier, text(current) == "snapshot" else { return false }
        let name = peek(1)
        guard name.kind == .string || name.kind == .identifier else { return false }
        return peek(2).kind == .colon
    }

    // expect_snapshot = "expect" "snapshot" ( WORD | STRING ) ":" expression
    mutating func parseExpectSnapshotStatement(start: Int) -> Statement {
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
        let nameExpression = Expression(.string(StringSegments(text: name)), span: span(nameToken))
        let call = Expression(.call(Identifier(PatternMarker.snapshot, span: span(keyword)), [nameExpression, value]),
                              span: span(from: Int(keyword.start)))
        return Statement(.expect(call, message: nil), span: span(from: start))
    }
}
