// Whether one space or none goes between two tokens on the same line.

extension LayoutPrinter {
    /// No space inside brackets, a record's braces, before `, ; : .` and after `.`, around a
    /// call's `(` or an index's `[`, after a unary `-`; one space inside a block's braces and
    /// everywhere else (around binary operators, after `, ; :`, between words).
    func needsSpace(between left: Token, and right: Token) -> Bool {
        switch right.kind {
        case .rightParen, .rightBracket, .comma, .semicolon, .colon:
            return false
        case .dot:
            // `5 .x` keeps its space: glued, a number and a dot could read as one literal.
            return Self.isNumber(left.kind)
        case .rightBrace:
            // `{}` stays tight; a block's `}` after a statement on the same line gets a space.
            return left.kind != .leftBrace && !(brackets.last?.isRecord ?? false)
        case .leftParen, .leftBracket:
            if roles[left.endOffset - 1].contains(.gluesBracket) { return false }
        default:
            break
        }
        switch left.kind {
        case .leftParen, .leftBracket, .dot:
            return false
        case .leftBrace:
            return !(brackets.last?.isRecord ?? false)
        case .minus:
            return !roles[left.startOffset].contains(.unaryMinus)
        default:
            return true
        }
    }

    static func isNumber(_ kind: TokenKind) -> Bool {
        kind == .integer || kind == .decimal || kind == .money || kind == .duration
    }
}
