// Statements: let, assignment, expect, expect error, print, show, if, for, repeat, wait, def, return, include, scenario.

extension Parser {
    // program = { separator } [ statement { separator { separator } statement } ] { separator } EOF
    mutating func parseProgram() -> [Statement] {
        var statements: [Statement] = []
        // One statement per separator at most: reserving avoids regrowing a large array many times.
        statements.reserveCapacity(statementCapacityHint)
        while true {
            skipSeparators()
            if current.kind == .endOfInput { break }
            if current.kind == .rightBrace {
                error("unexpected '}' with no open '{'", at: span(current), help: "remove it")
                while current.kind == .rightBrace { advance() }
                panicking = false
                continue
            }
            statements.append(parseStatementAndEnd())
        }
        return statements
    }

    mutating func skipSeparators() {
        while current.kind == .newline || current.kind == .semicolon { advance() }
    }

    /// One statement and its terminator; on any error, skips to the next statement boundary.
    mutating func parseStatementAndEnd() -> Statement {
        let start = index
        let statement = parseStatement()
        if !panicking, !atStatementEnd {
            errorAtCurrent("expected a newline or ';' after the statement")
        }
        if panicking {
            synchronize(statementStart: start)
            if case .invalid = statement.kind {
                // A new node rather than a mutated one: mutating would copy every statement on the clean path too.
                return Statement(.invalid, span: SourceSpan(file: file, start: Int(tokens[start].start), end: max(Int(tokens[start].start), previousEnd)))
            }
        } else if current.kind == .newline || current.kind == .semicolon {
            advance()
        }
        return statement
    }

    // block = "{" { separator } { statement separator } "}"
    mutating func parseBlock(after what: String) -> Block {
        let open = current
        // After a failed head the statement is skipped whole by `synchronize`.
        guard !panicking else { return Block(statements: [], span: span(current)) }
        guard current.kind == .leftBrace else {
            errorAtCurrent("expected '{' to start the body of \(what)")
            return Block(statements: [], span: SourceSpan(file: file, start: Int(current.start), end: Int(current.start)))
        }
        advance()
        var statements: [Statement] = []
        while true {
            skipSeparators()
            if current.kind == .rightBrace || current.kind == .endOfInput { break }
            statements.append(parseStatementAndEnd())
        }
        if current.kind == .rightBrace {
            advance()
        } else {
            errorAtCurrent("expected '}' to close '{' at \(location(Int(open.start)))")
        }
        return Block(statements: statements, span: span(from: Int(open.start)))
    }

    // statement = let | assignment | expect | print | show | if | for | repeat | wait | def | return | include | scenario | expression
    mutating func parseStatement() -> Statement {
        let token = current
        // Blocks and `expect error:` nest statements; each level counts toward the nesting limit.
        if nestingLimitReached() { return Statement(.invalid, span: span(token)) }
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
                return Statement(.invalid, span: span(token))
            default:
                if peek(1).kind == .assign { return parseAssignment() }
            }
        } else if token.kind == .flexID, peek(1).kind == .assign {
            return parseAssignment()
        }
        return parseExpressionStatement()
    }

    /// An expression the way statements take it: `what` names the place in "expected an expression after …".
    mutating func parseStatementExpression(after what: String) -> Expression {
        guard canStartExpression(current) else {
            errorAtCurrent("expected an expression after \(what)")
            return Expression(.invalid, span: SourceSpan(file: file, start: previousEnd, end: previousEnd))
        }
        statementExpressionStart = index
        return parseExpression()
    }

    // expression_statement = expression
    mutating func parseExpressionStatement() -> Statement {
        let start = Int(current.start)
        guard canStartExpression(current) else {
            errorAtCurrent("expected a statement")
            return Statement(.invalid, span: span(current))
        }
        statementExpressionStart = index
        let value = parseExpression()
        return Statement(.expression(value), span: span(from: start))
    }

    // let = "let" NAME "=" expression
    mutating func parseLetStatement() -> Statement {
        let start = Int(current.start)
        advance()
        guard let name = parseBindingName(after: "'let'") else {
            return Statement(.invalid, span: span(from: start))
        }
        guard expect(.assign, "expected '=' after 'let \(name.name)'") else {
            return Statement(.letBinding(name, Expression(.invalid, span: name.span)), span: span(from: start))
        }
        let value = parseStatementExpression(after: "'='")
        return Statement(.letBinding(name, value), span: span(from: start))
    }

    /// A variable name; a Flex-ID-looking word is accepted (the checker says why it is a bad name).
    mutating func parseBindingName(after what: String) -> Identifier? {
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
    mutating func parseAssignment() -> Statement {
        let start = Int(current.start)
        let name = identifier(current)
        advance()
        advance()
        let value = parseStatementExpression(after: "'='")
        return Statement(.assignment(name, value), span: span(from: start))
    }

    // expect = "expect" expression [ "else" expression ]
    //        | "expect" "error" [ CODE ] ( ":" statement | block )
    mutating func parseExpectStatement() -> Statement {
        let start = Int(current.start)
        advance()
        if current.keyword == .error, isExpectErrorForm() {
            return parseExpectErrorStatement(start: start)
        }
        if isExpectSnapshotForm() {
            return parseExpectSnapshotStatement(start: start)
        }
        let condition = parseStatementExpression(after: "'expect'")
        var message: Expression?
        if current.keyword == .else, !panicking {
            advance()
            message = parseStatementExpression(after: "'else'")
        }
        return Statement(.expect(condition, message: message), span: span(from: start))
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

    mutating func parseExpectErrorStatement(start: Int) -> Statement {
        advance() // error
        var code: Identifier?
        if current.kind == .identifier || current.kind == .string {
            let token = current
            if token.kind == .string {
                code = Identifier(plainString(token, purpose: "an error code") ?? "", span: span(token))
            } else {
                code = identifier(token)
            }
            advance()
        }
        let body: Block
        if current.kind == .colon {
            let colon = current
            advance()
            // The statement may also start on the next line: the ':' already says one must follow.
            skipNewlines()
            if atStatementEnd {
                errorAtCurrent("expected a statement after 'expect error:'")
                body = Block(statements: [], span: span(colon))
            } else {
                let statement = parseStatement()
                body = Block(statements: [statement], span: statement.span)
            }
        } else if current.kind == .leftBrace {
            body = parseBlock(after: "'expect error'")
        } else {
            errorAtCurrent("expected ':' and a statement, or a '{' block, after 'expect error'",
                           help: "write 'expect error: STATEMENT' or 'expect error CODE { … }'")
            body = Block(statements: [], span: span(from: start))
        }
        return Statement(.expectError(code: code, body: body), span: span(from: start))
    }

    // print = "print" [ expression { "," expression } ]
    mutating func parsePrintStatement() -> Statement {
        let start = Int(current.start)
        advance()
        var values: [Expression] = []
        if !atStatementEnd {
            values.reserveCapacity(Parser.smallListCapacity)
            values.append(parseStatementExpression(after: "'print'"))
            while current.kind == .comma, !panicking {
                advance()
                values.append(parseStatementExpression(after: "','"))
            }
        }
        return Statement(.print(values), span: span(from: start))
    }

    // show = "show" expression
    mutating func parseShowStatement() -> Statement {
        let start = Int(current.start)
        advance()
        let value = parseStatementExpression(after: "'show'")
        return Statement(.show(value), span: span(from: start))
    }

    /// A statement head's expression, where `{` opens the body rather than a record.
    mutating func parseHeadExpression(after what: String) -> Expression {
        let saved = noRecordLiteral
        noRecordLiteral = true
        defer { noRecordLiteral = saved }
        return parseStatementExpression(after: what)
    }

    // if = "if" expression block { "else" "if" expression block } [ "else" block ]
    mutating func parseIfStatement() -> Statement {
        let start = Int(current.start)
        advance()
        var branches: [ConditionalBranch] = []
        var elseBlock: Block?
        let condition = parseHeadExpression(after: "'if'")
        branches.append(ConditionalBranch(condition: condition, body: parseBlock(after: "'if'")))
        while !panicking, skipNewlinesBeforeElse() {
            advance() // else
            if current.keyword == .if {
                advance()
                let condition = parseHeadExpression(after: "'else if'")
                branches.append(ConditionalBranch(condition: condition, body: parseBlock(after: "'else if'")))
            } else {
                elseBlock = parseBlock(after: "'else'")
                break
            }
        }
        return Statement(.ifElse(branches: branches, elseBlock: elseBlock), span: span(from: start))
    }

    /// `else` may start the next line after `}`; newlines are consumed only when an `else` follows them.
    mutating func skipNewlinesBeforeElse() -> Bool {
        var probe = index
        while tokens[probe].kind == .newline { probe += 1 }
        guard tokens[probe].keyword == .else, tokens[probe].kind == .identifier else { return false }
        index = probe
        return true
    }

    // for = "for" NAME "in" expression block
    mutating func parseForStatement() -> Statement {
        let start = Int(current.start)
        advance()
        guard let name = parseBindingName(after: "'for'") else {
            return Statement(.invalid, span: span(from: start))
        }
        guard current.keyword == .in else {
            errorAtCurrent("expected 'in' after 'for \(name.name)'")
            return Statement(.invalid, span: span(from: start))
        }
        advance()
        let list = parseHeadExpression(after: "'in'")
        let body = parseBlock(after: "'for'")
        return Statement(.forIn(name, list, body), span: span(from: start))
    }

    // repeat = "repeat" expression block
    mutating func parseRepeatStatement() -> Statement {
        let start = Int(current.start)
        advance()
        let count = parseHeadExpression(after: "'repeat'")
        let body = parseBlock(after: "'repeat'")
        return Statement(.repeatTimes(count, body), span: span(from: start))
    }

    // wait = "wait" "until" expression [ "every" expression ] [ "timeout" expression ]   (the two clauses in either order)
    mutating func parseWaitStatement() -> Statement {
        let start = Int(current.start)
        advance() // wait
        advance() // until
        let condition = parseStatementExpression(after: "'wait until'")
        var every: Expression?
        var timeout: Expression?
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
        return Statement(.waitUntil(condition, every: every, timeout: timeout), span: span(from: start))
    }

    // def = "def" NAME "(" [ NAME { "," NAME } ] ")" block
    mutating func parseFunctionDefinition() -> Statement {
        let start = Int(current.start)
        advance()
        guard let name = parseBindingName(after: "'def'") else {
            return Statement(.invalid, span: span(from: start))
        }
        let open = current
        guard expect(.leftParen, "expected '(' after 'def \(name.name)'", help: "write 'def \(name.name)(a, b) { … }'") else {
            return Statement(.invalid, span: span(from: start))
        }
        var parameters: [Identifier] = []
        if current.kind != .rightParen {
            repeat {
                guard let parameter = parseBindingName(after: parameters.isEmpty ? "'('" : "','") else {
                    return Statement(.invalid, span: span(from: start))
                }
                parameters.append(parameter)
                guard current.kind == .comma else { break }
                advance()
            } while current.kind != .rightParen
        }
        expectCloser(.rightParen, for: open)
        guard !panicking else { return Statement(.invalid, span: span(from: start)) }
        let body = parseBlock(after: "'def \(name.name)'")
        return Statement(.functionDefinition(name: name, parameters: parameters, body: body), span: span(from: start))
    }

    // return = "return" [ expression ]
    mutating func parseReturnStatement() -> Statement {
        let start = Int(current.start)
        advance()
        let value = atStatementEnd ? nil : parseStatementExpression(after: "'return'")
        return Statement(.returnStatement(value), span: span(from: start))
    }

    // include = "include" STRING
    mutating func parseIncludeStatement() -> Statement {
        let start = Int(current.start)
        advance()
        let token = current
        guard token.kind == .string else {
            errorAtCurrent("expected a file path in quotes after 'include'", help: "write include \"setup.flex\"")
            return Statement(.invalid, span: span(from: start))
        }
        advance()
        let path = plainString(token, purpose: "an include path") ?? ""
        return Statement(.include(path: path, pathSpan: span(token)), span: span(from: start))
    }

    // scenario = "scenario" STRING block
    mutating func parseScenarioStatement() -> Statement {
        let start = Int(current.start)
        advance()
        let token = current
        guard token.kind == .string else {
            errorAtCurrent("expected the scenario's name in quotes after 'scenario'", help: "write scenario \"refund twice\" { … }")
            return Statement(.invalid, span: span(from: start))
        }
        advance()
        let name = plainString(token, purpose: "a scenario name") ?? ""
        let body = parseBlock(after: "'scenario'")
        return Statement(.scenario(name: name, nameSpan: span(token), body: body), span: span(from: start))
    }
}
