// String literals: the lexer's pieces become segments; an interpolation's expression is lexed and parsed in place.

extension Parser {
    // string = '"' { CHAR | ESCAPE | "${" expression "}" } '"'
    mutating func parseStringLiteral(_ token: Token) -> ExpressionReference {
        let segments = parseStringSegments(token)
        return make(.string(segments), span: span(token))
    }

    /// A string literal that is one piece of text (a bare word read as a string).
    func plainText(_ text: TextReference, span: SourceSpan) -> ExpressionReference {
        let mark = tree.segmentMark
        tree.append(.text(text))
        let segments = tree.finishSegments(from: mark)
        return make(.string(segments), span: span)
    }

    /// The literal's segments, stored in the tree.
    mutating func parseStringSegments(_ token: Token) -> NodeRange {
        let mark = collectStringSegments(token)
        return tree.finishSegments(from: mark)
    }

    /// Collects the literal's segments in the tree's pending list and returns where they start
    /// there; the caller keeps them (`finishSegments`) or only reads them (`takeSegments`).
    /// The lexer has found the pieces and decoded the escapes; only interpolations are parsed here.
    mutating func collectStringSegments(_ token: Token) -> Int {
        let mark = tree.segmentMark
        guard token.flags.contains(.needsDecoding) else {
            let start = Int(token.start) + 1
            let end = max(start, Int(token.end) - (token.flags.contains(.unterminated) ? 0 : 1))
            tree.append(.text(.source(start, end)))
            return mark
        }
        for number in token.pieces {
            switch lexer.stringPiece(number) {
            case .text(let start, let end):
                tree.append(.text(TextReference(start: start, end: end)))
            case .decoded(let text):
                tree.append(.text(tree.addString(text)))
            case .interpolation(let dollar, let close):
                tree.append(.interpolation(parseInterpolation(dollar: Int(dollar), start: Int(dollar) + 2, end: Int(close))))
            case .invalidEscape(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }
        return mark
    }

    /// Errors inside a string never disturb parsing, so they bypass panic mode.
    mutating func reportLexical(_ message: String, _ start: Int, _ end: Int, help: String? = nil) {
        diagnostics.append(.error(message, at: SourceSpan(file: file, start: start, end: end), help: help))
    }

    /// `${ expression }`: lexed over exactly its bytes and parsed by a nested parser that shares the nesting budget.
    mutating func parseInterpolation(dollar: Int, start: Int, end: Int) -> ExpressionReference {
        let whole = SourceSpan(file: file, start: dollar, end: min(end + 1, source.count))
        if depth >= Parser.maxDepth {
            reportLexical("this is nested too deeply (more than \(Parser.maxDepth) levels)", dollar, min(end + 1, source.count),
                          help: "split the expression into several statements with 'let'")
            return make(.invalid, span: whole)
        }
        var lexer = Lexer.streaming(buffer: source, file: file, start: start, end: end, insideInterpolation: true)
        // Lexed whole (it is short), so its errors come before the inner parser's, as they always did.
        lexer.run()
        if !lexer.diagnostics.isEmpty { diagnostics.append(contentsOf: lexer.diagnostics) }
        var inner = Parser(lexer: lexer, source: source, sourceFile: sourceFile, tree: tree, depth: depth + 1)
        inner.skipNewlines()
        guard inner.current.kind != .endOfInput else {
            reportLexical("expected an expression inside '${…}'", dollar, min(end + 1, source.count))
            return inner.make(.invalid, span: whole)
        }
        let value: ExpressionReference
        if inner.canStartExpression(inner.current) {
            value = inner.parseExpression()
            inner.skipNewlines()
            if inner.current.kind != .endOfInput {
                inner.errorAtCurrent("expected '}' to end the interpolation")
            }
        } else {
            inner.errorAtCurrent("expected an expression inside '${…}'")
            value = inner.make(.invalid, span: whole)
        }
        if !inner.diagnostics.isEmpty { diagnostics.append(contentsOf: inner.diagnostics) }
        return value
    }

    /// A string that must be plain text (include paths, scenario names, error codes, record keys).
    mutating func plainString(_ token: Token, purpose: String) -> String? {
        let mark = collectStringSegments(token)
        var text = ""
        for segment in tree.takeSegments(from: mark) {
            switch segment {
            case let part?:
                text += part
            case nil:
                reportLexical("\(purpose) cannot contain '${…}'", Int(token.start), Int(token.end), help: "write it as plain text")
                return nil
            }
        }
        return text
    }
}
