// Statements: let, assignment, expect, expect error, print, show, if, for, repeat, wait, def, return, include, scenario.

extension Parser {
    // program = { separator } [ statement { separator { separator } statement } ] { separator } EOF
    mutating func parseProgram() -> NodeRange {
        let statements = tree.referenceMark
        while true {
            skipSeparators()
            if current.kind == .endOfInput { break }
            if current.kind == .rightBrace {
                error("unexpected '}' with no open '{'", at: span(current), help: "remove it")
                while current.kind == .rightBrace { advance() }
                panicking = false
                continue
            }
            let statement = parseStatementAndEnd()
            tree.append(statement)
            discardConsumedTokens()
        }
        return tree.finishReferences(from: statements)
    }

    mutating func skipSeparators() {
        while current.kind == .newline || current.kind == .semicolon { advance() }
    }

    /// One statement and its terminator; on any error, skips to the next statement boundary.
    mutating func parseStatementAndEnd() -> StatementReference {
        let start = index
        let statement = parseStatement()
        if !panicking, !atStatementEnd {
            errorAtCurrent("expected a newline or ';' after the statement")
        }
        if panicking {
            synchronize(statementStart: start)
            if tree.isInvalid(statement) {
                let first = Int(token(at: start).start)
                tree.setSpan(statement, SourceSpan(file: file, start: first, end: max(first, previousEnd)))
            }
        } else if current.kind == .newline || current.kind == .semicolon {
            advance()
        }
        return statement
    }

    // block = "{" { separator } { statement separator } "}"
    mutating func parseBlock(after what: String) -> BlockReference {
        let open = current
        // After a failed head the statement is skipped whole by `synchronize`.
        guard !panicking else { return tree.addBlock(.empty, span(current)) }
        guard current.kind == .leftBrace else {
            errorAtCurrent("expected '{' to start the body of \(what)")
            return tree.addBlock(.empty, SourceSpan(file: file, start: Int(current.start), end: Int(current.start)))
        }
        advance()
        let statements = tree.referenceMark
        while true {
            skipSeparators()
            if current.kind == .rightBrace || current.kind == .endOfInput { break }
            let statement = parseStatementAndEnd()
            tree.append(statement)
        }
        if current.kind == .rightBrace {
            advance()
        } else {
            errorAtCurrent("expected '}' to close '{' at \(location(Int(open.start)))")
        }
        let list = tree.finishReferences(from: statements)
        return tree.addBlock(list, span(from: Int(open.start)))
    }

    // statement = let | assignment | expect | print | show | if | for | repeat | wait | def | return | include | scenario | expression
    mutating func parseStatement() -> StatementReference {
        let token = current
        // Blocks and `expect error:` nest statements; each level counts toward the nesting limit.
        if nestingLimitReached() { return makeStatement(.invalid, span: span(token)) }
        depth += 1
        defer { depth -= 1 }
        if token.kind == .identifier {
            switch token.keyword {
            case .let: return parseLetStatement()
            case .expect: return parseExpectStatement()
            case .print: return parsePrintStatement()
            case .show: return parseShowStatement()
            case .if: return parseIfStatement()
            case .for: return parseForStatement()
            case .repeat: return parseRepeatStatement()
            case .wait where peek(1).keyword == .until: return parseWaitStatement()
            case .def: return parseFunctionDefinition()
            case .return: return parseReturnStatement()
            case .include: return parseIncludeStatement()
            case .scenario: return parseScenarioStatement()
            case .else:
                error("'else' without a matching 'if'", at: span(token), help: "put 'else' right after the closing '}' of an if block")
                return makeStatement(.invalid, span: span(token))
            default:
                if peek(1).kind == .assign { return parseAssignment() }
            }
        } else if token.kind == .flexID, peek(1).kind == .assign {
            return parseAssignment()
        }
        return parseExpressionStatement()
    }

    /// An expression the way statements take it: `what` names the place in "expected an expression after …".
    mutating func parseStatementExpression(after what: String) -> ExpressionReference {
        guard canStartExpression(current) else {
            errorAtCurrent("expected an expression after \(what)")
            return make(.invalid, span: SourceSpan(file: file, start: previousEnd, end: previousEnd))
        }
        statementExpressionStart = index
        return parseExpression()
    }

    // expression_statement = expression
    mutating func parseExpressionStatement() -> StatementReference {
        let start = Int(current.start)
        guard canStartExpression(current) else {
            errorAtCurrent("expected a statement")
            return makeStatement(.invalid, span: span(current))
        }
        statementExpressionStart = index
        let value = parseExpression()
        return makeStatement(.expression(value), span: span(from: start))
    }

    // let = "let" NAME "=" expression
    mutating func parseLetStatement() -> StatementReference {
        let start = Int(current.start)
        advance()
        guard let name = parseBindingName(after: "'let'") else {
            return makeStatement(.invalid, span: span(from: start))
        }
        let written = tree.text(name)
        guard expect(.assign, "expected '=' after 'let \(written)'") else {
            let missing = make(.invalid, span: tree.span(name))
            return makeStatement(.letBinding(name, missing), span: span(from: start))
        }
        let value = parseStatementExpression(after: "'='")
        return makeStatement(.letBinding(name, value), span: span(from: start))
    }

    /// A variable name; a Flex-ID-looking word is accepted (the checker says why it is a bad name).
    mutating func parseBindingName(after what: String) -> NameReference? {
        let token = current
        switch token.kind {
        case .identifier where !token.keyword.isReserved, .flexID:
            advance()
            return identifier(token)
        case .identifier:
            error("'\(text(token))' is a reserved word and cannot name a variable", at: span(token), help: "choose another name")
            return nil
        default:
            errorAtCurrent("expected a name after \(what)")
            return nil
        }
    }

    // assignment = NAME "=" expression
    mutating func parseAssignment() -> StatementReference {
        let start = Int(current.start)
        let name = identifier(current)
        advance()
        advance()
        let value = parseStatementExpression(after: "'='")
        return makeStatement(.assignment(name, value), span: span(from: start))
    }

    // expect = "expect" expression [ "else" expression ]
    //        | "expect" "error" [ CODE ] ( ":" statement | block )
    mutating func parseExpectStatement() -> StatementReference {
        let start = Int(current.start)
        advance()
        if current.keyword == .error, isExpectErrorForm() {
            return parseExpectErrorStatement(start: start)
        }
        if isExpectSnapshotForm() {
            return parseExpectSnapshotStatement(start: start)
        }
        let condition = parseStatementExpression(after: "'expect'")
        var message: ExpressionReference?
        if current.keyword == .else, !panicking {
            advance()
            message = parseStatementExpression(after: "'else'")
        }
        return makeStatement(.expect(condition, message: message), span: span(from: start))
    }

    /// `expect error` is the error form when followed by `:`, `{` or a code; otherwise `error` is a variable.
    func isExpectErrorForm() -> Bool {
        let next = peek(1)
        switch next.kind {
        case .colon, .leftBrace, .newline, .semicolon, .endOfInput:
            return true
        case .identifier where !next.keyword.isReserved, .string:
            let after = peek(2).kind
            return after == .colon || after == .leftBrace
        default:
            return false
        }
    }

    mutating func parseExpectErrorStatement(start: Int) -> StatementReference {
        advance() // error
        var code: NameReference?
        if current.kind == .identifier || current.kind == .string {
            let token = current
            if token.kind == .string {
                let text = plainString(token, purpose: "an error code") ?? ""
                code = tree.addName(text, span(token))
            } else {
                code = identifier(token)
            }
            advance()
        }
        let body: BlockReference
        if current.kind == .colon {
            let colon = current
            advance()
            // The statement may also start on the next line: the ':' already says one must follow.
            skipNewlines()
            if atStatementEnd {
                errorAtCurrent("expected a statement after 'expect error:'")
                body = tree.addBlock(.empty, span(colon))
            } else {
                let statement = parseStatement()
                let mark = tree.referenceMark
                tree.append(statement)
                let list = tree.finishReferences(from: mark)
                body = tree.addBlock(list, tree.span(statement))
            }
        } else if current.kind == .leftBrace {
            body = parseBlock(after: "'expect error'")
        } else {
            errorAtCurrent("expected ':' and a statement, or a '{' block, after 'expect error'",
                           help: "write 'expect error: STATEMENT' or 'expect error CODE { … }'")
            body = tree.addBlock(.empty, span(from: start))
        }
        return makeStatement(.expectError(code: code, body: body), span: span(from: start))
    }

    // print = "print" [ expression { "," expression } ]
    mutating func parsePrintStatement() -> StatementReference {
        let start = Int(current.start)
        advance()
        let values = tree.referenceMark
        if !atStatementEnd {
            let first = parseStatementExpression(after: "'print'")
            tree.append(first)
            while current.kind == .comma, !panicking {
                advance()
                let value = parseStatementExpression(after: "','")
                tree.append(value)
            }
        }
        let list = tree.finishReferences(from: values)
        return makeStatement(.print(list), span: span(from: start))
    }

    // show = "show" expression
    mutating func parseShowStatement() -> StatementReference {
        let start = Int(current.start)
        advance()
        let value = parseStatementExpression(after: "'show'")
        return makeStatement(.show(value), span: span(from: start))
    }

    /// A statement head's expression, where `{` opens the body rather than a record.
    mutating func parseHeadExpression(after what: String) -> ExpressionReference {
        let saved = noRecordLiteral
        noRecordLiteral = true
        defer { noRecordLiteral = saved }
        return parseStatementExpression(after: what)
    }

    // if = "if" expression block { "else" "if" expression block } [ "else" block ]
    mutating func parseIfStatement() -> StatementReference {
        let start = Int(current.start)
        advance()
        let branches = tree.branchMark
        var elseBlock: BlockReference?
        let condition = parseHeadExpression(after: "'if'")
        let body = parseBlock(after: "'if'")
        tree.append(ConditionalBranchRecord(condition: condition, body: body))
        while !panicking, skipNewlinesBeforeElse() {
            advance() // else
            if current.keyword == .if {
                advance()
                let condition = parseHeadExpression(after: "'else if'")
                let body = parseBlock(after: "'else if'")
                tree.append(ConditionalBranchRecord(condition: condition, body: body))
            } else {
                elseBlock = parseBlock(after: "'else'")
                break
            }
        }
        let branchList = tree.finishBranches(from: branches)
        return makeStatement(.ifElse(branches: branchList, elseBlock: elseBlock), span: span(from: start))
    }

    /// `else` may start the next line after `}`; newlines are consumed only when an `else` follows them.
    mutating func skipNewlinesBeforeElse() -> Bool {
        var probe = index
        while token(at: probe).kind == .newline { probe += 1 }
        let next = token(at: probe)
        guard next.keyword == .else, next.kind == .identifier else { return false }
        _ = token(at: probe + Parser.lookahead)
        index = probe
        return true
    }

    // for = "for" NAME "in" expression block
    mutating func parseForStatement() -> StatementReference {
        let start = Int(current.start)
        advance()
        guard let name = parseBindingName(after: "'for'") else {
            return makeStatement(.invalid, span: span(from: start))
        }
        guard current.keyword == .in else {
            errorAtCurrent("expected 'in' after 'for \(tree.text(name))'")
            return makeStatement(.invalid, span: span(from: start))
        }
        advance()
        let list = parseHeadExpression(after: "'in'")
        let body = parseBlock(after: "'for'")
        return makeStatement(.forIn(name, list, body), span: span(from: start))
    }

    // repeat = "repeat" expression block
    mutating func parseRepeatStatement() -> StatementReference {
        let start = Int(current.start)
        advance()
        let count = parseHeadExpression(after: "'repeat'")
        let body = parseBlock(after: "'repeat'")
        return makeStatement(.repeatTimes(count, body), span: span(from: start))
    }

    // wait = "wait" "until" expression [ "every" expression ] [ "timeout" expression ]   (the two clauses in either order)
    mutating func parseWaitStatement() -> StatementReference {
        let start = Int(current.start)
        advance() // wait
        advance() // until
        let condition = parseStatementExpression(after: "'wait until'")
        var every: ExpressionReference?
        var timeout: ExpressionReference?
        while !panicking, current.keyword == .every || current.keyword == .timeout {
            let keyword = current
            advance()
            let isEvery = keyword.keyword == .every
            if (isEvery && every != nil) || (!isEvery && timeout != nil) {
                error("'\(text(keyword))' is given twice", at: span(keyword), help: "give it once")
                break
            }
            let value = parseStatementExpression(after: "'\(text(keyword))'")
            if isEvery { every = value } else { timeout = value }
        }
        return makeStatement(.waitUntil(condition, every: every, timeout: timeout), span: span(from: start))
    }

    // def = "def" NAME "(" [ NAME { "," NAME } ] ")" block
    mutating func parseFunctionDefinition() -> StatementReference {
        let start = Int(current.start)
        advance()
        guard let name = parseBindingName(after: "'def'") else {
            return makeStatement(.invalid, span: span(from: start))
        }
        let open = current
        let written = tree.text(name)
        guard expect(.leftParen, "expected '(' after 'def \(written)'", help: "write 'def \(written)(a, b) { … }'") else {
            return makeStatement(.invalid, span: span(from: start))
        }
        // Parameters are the only names made until the ')', so they are consecutive in the tree.
        let firstParameter = Int32(truncatingIfNeeded: tree.nameCount)
        var parameterCount: Int32 = 0
        var malformedParameter = false
        parseCommaSeparated(until: .rightParen) { parser in
            guard parser.parseBindingName(after: parameterCount == 0 ? "'('" : "','") != nil else {
                malformedParameter = true
                return false
            }
            parameterCount += 1
            return true
        }
        guard !malformedParameter else { return makeStatement(.invalid, span: span(from: start)) }
        expectCloser(.rightParen, for: open)
        guard !panicking else { return makeStatement(.invalid, span: span(from: start)) }
        let body = parseBlock(after: "'def \(written)'")
        let parameters = NodeRange(first: firstParameter, count: parameterCount)
        return makeStatement(.functionDefinition(name: name, parameters: parameters, body: body), span: span(from: start))
    }

    // return = "return" [ expression ]
    mutating func parseReturnStatement() -> StatementReference {
        let start = Int(current.start)
        advance()
        let value = atStatementEnd ? nil : parseStatementExpression(after: "'return'")
        return makeStatement(.returnStatement(value), span: span(from: start))
    }

    // include = "include" STRING
    mutating func parseIncludeStatement() -> StatementReference {
        let start = Int(current.start)
        advance()
        // A path that is not plain text (`"${x}.flex"`) was reported; checking it would add a
        // second, misleading "cannot find included file ''".
        guard let path = parseQuotedName(purpose: "an include path", missing: "expected a file path in quotes after 'include'",
                                         help: "write include \"setup.flex\"", requiresPlainText: true) else {
            return makeStatement(.invalid, span: span(from: start))
        }
        return makeStatement(.include(path), span: span(from: start))
    }

    // scenario = "scenario" STRING block
    mutating func parseScenarioStatement() -> StatementReference {
        let start = Int(current.start)
        advance()
        guard let name = parseQuotedName(purpose: "a scenario name", missing: "expected the scenario's name in quotes after 'scenario'",
                                         help: "write scenario \"refund twice\" { … }") else {
            return makeStatement(.invalid, span: span(from: start))
        }
        let body = parseBlock(after: "'scenario'")
        return makeStatement(.scenario(name, body: body), span: span(from: start))
    }

    /// The plain text in quotes after a statement's keyword (an include path, a scenario name),
    /// as a name with the literal's span; nil when no string follows (`missing` is reported).
    /// With `requiresPlainText`, also nil when the literal is not plain text (already reported).
    mutating func parseQuotedName(purpose: String, missing: String, help: String, requiresPlainText: Bool = false) -> NameReference? {
        let token = current
        guard token.kind == .string else {
            errorAtCurrent(missing, help: help)
            return nil
        }
        advance()
        let plain = plainString(token, purpose: purpose)
        if plain == nil, requiresPlainText { return nil }
        let text = plain ?? ""
        return tree.addName(text, span(token))
    }
}
