// Expressions by precedence climbing: or < and < not < comparison < + - < * / < unary - < postfix < primary.

extension Parser {
    enum Precedence {
        static let or = 1, and = 2, not = 3, comparison = 4, additive = 5, multiplicative = 6
    }

    @inline(__always)
    func binaryOperator(_ token: Token) -> (BinaryOperator, Int)? {
        switch token.kind {
        case .equalEqual: return (.equal, Precedence.comparison)
        case .bangEqual: return (.notEqual, Precedence.comparison)
        case .less: return (.less, Precedence.comparison)
        case .lessEqual: return (.lessEqual, Precedence.comparison)
        case .greater: return (.greater, Precedence.comparison)
        case .greaterEqual: return (.greaterEqual, Precedence.comparison)
        case .plus: return (.add, Precedence.additive)
        case .minus: return (.subtract, Precedence.additive)
        case .star: return (.multiply, Precedence.multiplicative)
        case .slash: return (.divide, Precedence.multiplicative)
        case .identifier:
            switch token.keyword {
            case .or: return (.or, Precedence.or)
            case .and: return (.and, Precedence.and)
            case .contains: return (.contains, Precedence.comparison)
            case .matches: return (.matches, Precedence.comparison)
            case .in: return (.in, Precedence.comparison)
            default: return nil
            }
        default: return nil
        }
    }

    /// Whether `token` can begin an expression (used to say "expected an expression after …" at the right place).
    @inline(__always)
    func canStartExpression(_ token: Token) -> Bool {
        switch token.kind {
        case .integer, .decimal, .money, .duration, .string, .flexID, .leftParen, .leftBracket, .minus, .error:
            return true
        case .leftBrace:
            return !noRecordLiteral
        case .identifier:
            switch token.keyword {
            case .true, .false, .null, .not: return true
            default: return !token.keyword.isReserved
            }
        default:
            return false
        }
    }

    // expression = or_expression
    mutating func parseExpression() -> ExpressionReference {
        if nestingLimitReached() { return make(.invalid, span: span(current)) }
        depth += 1
        defer { depth -= 1 }
        return parseBinary(minimum: Precedence.or)
    }

    // or = and { "or" and } ; and = not { "and" not } ; not = "not" not | comparison
    // comparison = additive [ ( "==" | "!=" | "<" | "<=" | ">" | ">=" | "contains" | "matches" | "in" ) additive ]
    // additive = multiplicative { ( "+" | "-" ) multiplicative } ; multiplicative = unary { ( "*" | "/" ) unary }
    mutating func parseBinary(minimum: Int) -> ExpressionReference {
        var left: ExpressionReference
        if current.keyword == .not, current.kind == .identifier, minimum <= Precedence.not {
            let notToken = current
            if nestingLimitReached() { return make(.invalid, span: span(current)) }
            depth += 1
            defer { depth -= 1 }
            advance()
            let operand = parseOperand(after: notToken, minimum: Precedence.not)
            left = make(.unary(.not, operand), span: span(notToken).merged(with: tree.span(operand)))
        } else {
            left = parseUnary()
        }
        var previousWasComparison = false
        // Each operator of a chain (`a + b + c …`) deepens the tree by one, so it counts toward the limit too.
        let savedDepth = depth
        defer { depth = savedDepth }
        while !panicking, let (op, precedence) = binaryOperator(current), precedence >= minimum {
            let opToken = current
            if nestingLimitReached() { break }
            depth += 1
            if precedence == Precedence.comparison, previousWasComparison {
                error("comparison operators cannot be chained", at: span(opToken),
                      help: "combine the comparisons with 'and': a < b and b < c")
                break
            }
            advance()
            // `VALUE matches { field: PATTERN, … }` (test patterns, Parser+Patterns.swift).
            let right = op == .matches && current.kind == .leftBrace && !noRecordLiteral
                ? parseRecord(of: .patterns)
                : parseOperand(after: opToken, minimum: precedence + 1)
            left = make(.binary(op, left, right), span: tree.span(left).merged(with: tree.span(right)))
            previousWasComparison = precedence == Precedence.comparison
        }
        return left
    }

    /// The right side of an operator, with "expected an expression after '=='" when it is missing.
    mutating func parseOperand(after op: Token, minimum: Int) -> ExpressionReference {
        let allowsNot = minimum <= Precedence.not
        guard canStartExpression(current), allowsNot || current.keyword != .not || current.kind != .identifier else {
            if current.keyword == .not, current.kind == .identifier {
                errorAtCurrent("'not' cannot follow '\(text(op))' directly", help: "put the negated part in parentheses: a == (not b)")
            } else {
                errorAtCurrent("expected an expression after '\(text(op))'")
            }
            return make(.invalid, span: SourceSpan(file: file, start: Int(op.end), end: Int(op.end)))
        }
        return parseBinary(minimum: minimum)
    }

    // unary = "-" unary | postfix
    mutating func parseUnary() -> ExpressionReference {
        guard current.kind == .minus else { return parsePostfix() }
        let minus = current
        if nestingLimitReached() { return make(.invalid, span: span(current)) }
        depth += 1
        defer { depth -= 1 }
        advance()
        guard canStartExpression(current), current.keyword != .not || current.kind != .identifier else {
            errorAtCurrent("expected an expression after '-'")
            return make(.invalid, span: span(minus))
        }
        let operand = parseUnary()
        let whole = span(minus).merged(with: tree.span(operand))
        // Negative literals stay literals, so `l[-1]` and `amount -$5` need no evaluation. The
        // literal's node was just made and nothing refers to it yet, so it is rewritten in place.
        let negated: ExpressionNode
        switch tree.node(operand) {
        case .integer(let value): negated = .integer(-value)
        case .money(let cents): negated = .money(cents: -cents)
        case .duration(let seconds): negated = .duration(seconds: -seconds)
        case .decimal(let significand, let scale): negated = .decimal(significand: -significand, scale: scale)
        default: return make(.unary(.negate, operand), span: whole)
        }
        tree.replace(operand, with: negated, span: whole)
        return operand
    }

    // postfix = primary { "." NAME | "[" expression "]" }      (a command takes no postfix: parenthesize it)
    mutating func parsePostfix() -> ExpressionReference {
        let parenthesized = current.kind == .leftParen
        var expression = parsePrimary()
        if !parenthesized, case .command = tree.node(expression) { return expression }
        let savedDepth = depth
        defer { depth = savedDepth }
        while !panicking {
            if current.kind == .dot || current.kind == .leftBracket {
                if nestingLimitReached() { return expression }
                depth += 1
            }
            switch current.kind {
            case .dot:
                advance()
                let name = current
                guard name.kind == .identifier else {
                    errorAtCurrent("expected a field name after '.'")
                    return expression
                }
                advance()
                let member = identifier(name)
                expression = make(.member(expression, member), span: tree.span(expression).merged(with: span(name)))
            case .leftBracket:
                let subscriptValue = parseEnclosedExpression(closer: .rightBracket, missing: "expected an index after '['")
                expression = make(.index(expression, subscriptValue), span: span(from: tree.span(expression).start))
            default:
                return expression
            }
        }
        return expression
    }

    /// Runs `body` with the head-of-statement restrictions lifted, as inside any bracket.
    mutating func parseBracketed<T>(_ body: (inout Parser) -> T) -> T {
        let savedRecord = noRecordLiteral, savedCommands = commandsAllowed
        noRecordLiteral = false
        commandsAllowed = true
        defer {
            noRecordLiteral = savedRecord
            commandsAllowed = savedCommands
        }
        return body(&self)
    }

    /// One expression between the bracket at `current` and its `closer` (a subscript, parentheses);
    /// `missing` is reported when none is there.
    mutating func parseEnclosedExpression(closer: TokenKind, missing: String) -> ExpressionReference {
        let open = current
        advance()
        let inner = parseBracketed { parser in
            guard parser.canStartExpression(parser.current) else {
                parser.errorAtCurrent(missing)
                return parser.make(.invalid, span: parser.span(open))
            }
            return parser.parseExpression()
        }
        expectCloser(closer, for: open)
        return inner
    }

    // elements = [ element { "," element } [ "," ] ]   (up to a closer the caller expects)
    /// Stops at `closer`, after an element with no separator, when `parseElement` returns false
    /// (having reported why), or in panic mode. With `newlines`, a newline separates elements too
    /// and newlines around commas are skipped (records).
    mutating func parseCommaSeparated(until closer: TokenKind, newlines: Bool = false, _ parseElement: (inout Parser) -> Bool) {
        if newlines { skipNewlines() }
        while current.kind != closer, !panicking {
            guard parseElement(&self) else { return }
            let sawNewline = newlines && current.kind == .newline
            if newlines { skipNewlines() }
            guard current.kind == .comma else {
                if sawNewline { continue }
                return
            }
            advance()
            if newlines { skipNewlines() }
        }
    }

    /// Expressions separated by commas up to `closer`, as a list of the tree (arguments, list
    /// elements); `missing` is reported where neither an expression nor the closer is.
    mutating func parseExpressionList(until closer: TokenKind, missing: String) -> NodeRange {
        let elements = tree.referenceMark
        parseCommaSeparated(until: closer) { parser in
            guard parser.canStartExpression(parser.current) else {
                parser.errorAtCurrent(missing)
                return false
            }
            let element = parser.parseExpression()
            parser.tree.append(element)
            return true
        }
        return tree.finishReferences(from: elements)
    }

    // primary = literal | ID | STRING | "null" | "true" | "false" | NAME | call | command | list | record | "(" expression ")"
    mutating func parsePrimary() -> ExpressionReference {
        let token = current
        switch token.kind {
        case .integer, .decimal, .money, .duration:
            advance()
            if token.flags.contains(.malformed) { return make(.invalid, span: span(token)) }
            switch token.kind {
            case .integer: return make(.integer(token.value), span: span(token))
            case .decimal: return make(.decimal(significand: token.value, scale: Int32(token.scale)), span: span(token))
            case .money: return make(.money(cents: token.value), span: span(token))
            default: return make(.duration(seconds: token.value), span: span(token))
            }
        case .string:
            advance()
            return parseStringLiteral(token)
        case .flexID:
            advance()
            return make(.flexID(sourceText(token)), span: span(token))
        case .identifier:
            return parseWord()
        case .leftBracket:
            return parseList()
        case .leftBrace where !noRecordLiteral:
            return parseRecord()
        case .leftParen:
            let open = current
            let inner = parseEnclosedExpression(closer: .rightParen, missing: "expected an expression after '('")
            // The span covers the parentheses so carets underline what was written.
            tree.setSpan(inner, span(from: Int(open.start)))
            return inner
        default:
            errorAtCurrent("expected an expression")
            return make(.invalid, span: span(token))
        }
    }

    /// A word in expression position: a literal word, `it`, a command, a call, or a variable.
    mutating func parseWord() -> ExpressionReference {
        let token = current
        switch token.keyword {
        case .true: advance(); return make(.boolean(true), span: span(token))
        case .false: advance(); return make(.boolean(false), span: span(token))
        case .null: advance(); return make(.null, span: span(token))
        case .it: advance(); return make(.variable(sourceText(token)), span: span(token))
        default:
            if token.keyword.isReserved {
                errorAtCurrent("expected an expression")
                return make(.invalid, span: span(token))
            }
        }
        if commandsAllowed, let command = parseCommandIfPresent(token) {
            return command
        }
        if peek(1).kind == .leftParen {
            let name = identifier(token)
            return parseCall(name: name)
        }
        if commandsAllowed, index == statementExpressionStart, looksLikeUnknownCommand() {
            return parseUnknownCommand()
        }
        advance()
        return make(.variable(sourceText(token)), span: span(token))
    }

    // call = NAME "(" [ expression { "," expression } [ "," ] ] ")"
    mutating func parseCall(name: NameReference) -> ExpressionReference {
        advance() // name
        let open = current
        advance() // (
        let arguments = parseBracketed { $0.parseExpressionList(until: .rightParen, missing: "expected an argument or ')'") }
        expectCloser(.rightParen, for: open)
        return make(.call(name, arguments), span: span(from: tree.span(name).start))
    }

    // list = "[" [ expression { "," expression } [ "," ] ] "]"
    mutating func parseList() -> ExpressionReference {
        let open = current
        advance()
        let elements = parseBracketed { $0.parseExpressionList(until: .rightBracket, missing: "expected a list element or ']'") }
        expectCloser(.rightBracket, for: open)
        return make(.list(elements), span: span(from: Int(open.start)))
    }

    /// What the entries of a record hold: values, or (after `matches`) patterns.
    enum RecordEntries { case values, patterns }

    // record = "{" [ entry { ( "," | NEWLINE ) entry } [ "," ] ] "}" ; entry = ( NAME | STRING ) ":" expression
    // record_pattern = the same with entry = ( NAME | STRING ) ":" pattern
    mutating func parseRecord(of kind: RecordEntries = .values) -> ExpressionReference {
        let open = current
        advance()
        let example = kind == .values ? "write a record like { email: \"a@b.co\", count: 2 }" : "write a pattern like { id: any id, status: \"open\" }"
        let entries: NodeRange = parseBracketed { parser in
            let entries = parser.tree.entryMark
            parser.parseCommaSeparated(until: .rightBrace, newlines: true) { $0.parseRecordEntry(of: kind, example: example) }
            return parser.tree.finishEntries(from: entries)
        }
        expectCloser(.rightBrace, for: open)
        return make(.record(entries), span: span(from: Int(open.start)))
    }

    // entry = ( NAME | STRING ) ":" expression   (or pattern)
    /// Appends the entry to the tree's pending entries; false after an error.
    mutating func parseRecordEntry(of kind: RecordEntries, example: String) -> Bool {
        let keyToken = current
        let key: String
        let keyText: TextReference
        switch keyToken.kind {
        case .identifier:
            key = text(keyToken)
            keyText = sourceText(keyToken)
        case .string:
            key = plainString(keyToken, purpose: "a field name") ?? ""
            keyText = tree.addString(key)
        default:
            errorAtCurrent("expected a field name or '}'", help: example)
            return false
        }
        advance()
        guard expect(.colon, "expected ':' after the field name '\(key)'") else { return false }
        skipNewlines()
        let value: ExpressionReference
        switch kind {
        case .values:
            guard canStartExpression(current) else {
                errorAtCurrent("expected a value after '\(key):'")
                return false
            }
            value = parseExpression()
        case .patterns:
            value = parsePattern()
        }
        tree.append(RecordEntryRecord(key: keyText, keyStart: keyToken.start, keyEnd: keyToken.end, value: value))
        switch current.kind {
        case .newline, .comma, .rightBrace:
            return true
        default:
            errorAtCurrent("expected ',' or '}' after the \(kind == .values ? "value" : "pattern") of '\(key)'")
            return false
        }
    }

    mutating func skipNewlines() {
        while current.kind == .newline { advance() }
    }
}
