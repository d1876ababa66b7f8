// String literals: escapes and `${expr}` interpolation, whose inner expression is lexed and parsed in place.

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
    mutating func collectStringSegments(_ token: Token) -> Int {
        let mark = tree.segmentMark
        let start = Int(token.start) + 1
        let terminated = !token.flags.contains(.unterminated)
        let end = max(start, Int(token.end) - (terminated ? 1 : 0))
        guard token.flags.contains(.needsDecoding) else {
            tree.append(.text(.source(start, end)))
            return mark
        }
        var segmentCount = 0
        // Text between escapes is taken straight from the source; `decoded` collects a segment only
        // once it has an escape, so strings that are only interpolated allocate no scratch buffer.
        var decoded: [UInt8] = []
        var runStart = start
        var position = start
        while position < end {
            let byte = source[position]
            if byte == UInt8(ascii: "\\") {
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<position]))
                position = decodeEscape(at: position, end: end, into: &decoded)
                runStart = position
            } else if byte == UInt8(ascii: "$"), position + 1 < end, source[position + 1] == UInt8(ascii: "{"), terminated {
                // (In an unterminated string everything up to the end of input is already one error: `${` stays text.)
                if runStart < position || !decoded.isEmpty {
                    tree.append(.text(takeText(from: runStart, to: position, decoded: &decoded)))
                    segmentCount += 1
                }
                let expressionStart = position + 2
                let close = Lexer.interpolationEnd(source, from: expressionStart, end: end) ?? end
                let inner = parseInterpolation(dollar: position, start: expressionStart, end: close)
                tree.append(.interpolation(inner))
                segmentCount += 1
                position = min(close + 1, end)
                runStart = position
            } else {
                position += 1
            }
        }
        if runStart < position || !decoded.isEmpty || segmentCount == 0 {
            tree.append(.text(takeText(from: runStart, to: position, decoded: &decoded)))
        }
        return mark
    }

    /// The text of one segment: what `decoded` holds, then the source bytes `start..<end`; empties
    /// `decoded`. Text without escapes is a range of the source, stored as no `String`.
    func takeText(from start: Int, to end: Int, decoded: inout [UInt8]) -> TextReference {
        if decoded.isEmpty { return .source(start, end) }
        decoded.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<end]))
        defer { decoded.removeAll(keepingCapacity: true) }
        return tree.addString(String(decoding: decoded, as: UTF8.self))
    }

    /// Decodes the escape at `position` (a backslash) and returns the offset after it.
    mutating func decodeEscape(at position: Int, end: Int, into bytes: inout [UInt8]) -> Int {
        guard position + 1 < end else {
            reportLexical("unfinished escape at the end of the string", position, position + 1, help: "write \\\\ for a backslash")
            return end
        }
        let escaped = source[position + 1]
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "$"):
            bytes.append(escaped)
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "0"): bytes.append(0x00)
        case UInt8(ascii: "u"):
            return decodeUnicodeEscape(at: position, end: end, into: &bytes)
        default:
            let length = Lexer.utf8ScalarLength(source, at: position + 1, end: end) ?? 1
            let shown = String(decoding: UnsafeBufferPointer(rebasing: source[position..<(position + 1 + length)]), as: UTF8.self)
            reportLexical("unknown escape '\(shown)'", position, position + 1 + length,
                          help: "the escapes are \\\" \\\\ \\n \\t \\r \\0 \\$ and \\u{1F600}; write \\\\ for a backslash")
            return position + 1 + length
        }
        return position + 2
    }

    /// `\u{1F600}`: one to six hex digits naming a Unicode scalar (not a surrogate).
    mutating func decodeUnicodeEscape(at position: Int, end: Int, into bytes: inout [UInt8]) -> Int {
        var cursor = position + 2
        guard cursor < end, source[cursor] == UInt8(ascii: "{") else {
            reportLexical("expected '{' after '\\u'", position, min(cursor + 1, end), help: "write a code point like \\u{1F600}")
            return min(cursor, end)
        }
        cursor += 1
        var value: UInt32 = 0
        var digits = 0
        while cursor < end, let digit = Parser.hexValue(source[cursor]) {
            if digits < 8 { value = value &* 16 &+ digit }
            digits += 1
            cursor += 1
        }
        guard cursor < end, source[cursor] == UInt8(ascii: "}"), digits >= 1 else {
            reportLexical("expected hex digits and '}' in '\\u{…}'", position, min(cursor + 1, end), help: "write a code point like \\u{1F600}")
            return min(cursor, end)
        }
        cursor += 1
        guard digits <= 6, let scalar = Unicode.Scalar(value) else {
            reportLexical("'\\u{…}' is not a valid Unicode scalar", position, cursor,
                          help: "use a code point up to 10FFFF that is not a surrogate (D800-DFFF)")
            return cursor
        }
        bytes.append(contentsOf: String(Character(scalar)).utf8)
        return cursor
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// Lexical errors inside a string never disturb parsing, so they bypass panic mode.
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
