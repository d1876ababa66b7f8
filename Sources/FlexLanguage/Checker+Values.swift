// Value-kind rules: a literal written where the command table expects another kind of value
// (a bare decimal for money, a number for a string, an ID with the wrong prefix, a word not in
// its choices). Only literals are judged; an expression's kind is known only when it runs.

extension Checker {
    /// The static kind of a literal expression; nil for anything computed.
    enum LiteralClass {
        case integer(Int)
        case decimal(DecimalLiteral)
        case money(Int)
        case duration
        case string
        case boolean(Bool)
        case null
        case list
        case record
        case id(prefix: String?)
    }

    static func literalClass(of expression: ExpressionReference, in tree: SyntaxTree.Records) -> LiteralClass? {
        switch tree.node(expression) {
        case .integer(let value): return .integer(value)
        case .decimal(let significand, let scale): return .decimal(DecimalLiteral(significand: significand, scale: Int(scale)))
        case .money(let cents): return .money(cents)
        case .duration: return .duration
        case .boolean(let value): return .boolean(value)
        case .null: return .null
        case .list: return .list
        case .record: return .record
        case .flexID(let text): return .id(prefix: FlexIDPrefix.prefix(of: tree.string(text)))
        case .string: return .string
        case .unary(.negate, let operand):
            // `-5`, `-$2.50`, `-0.5` are still literals of their kind.
            switch tree.node(operand) {
            case .integer(let value): return .integer(value == .min ? value : -value)
            case .money(let cents): return .money(cents == .min ? cents : -cents)
            case .decimal(let significand, let scale):
                return .decimal(DecimalLiteral(significand: significand == .min ? significand : -significand, scale: Int(scale)))
            default: return nil
            }
        default:
            return nil
        }
    }

    /// A string literal's text when it has no interpolation.
    static func staticText(of expression: ExpressionReference, in tree: SyntaxTree.Records) -> String? {
        guard case .string(let segments) = tree.node(expression) else { return nil }
        var text = ""
        for position in segments.positions {
            guard case .text(let part) = tree.segments[position] else { return nil }
            text += tree.string(part)
        }
        return text
    }

    static func describe(_ literal: LiteralClass) -> String {
        switch literal {
        case .integer(let value): "the integer \(value)"
        case .decimal(let value): "the decimal \(value)"
        case .money(let cents): "the amount \(dollars(cents))"
        case .duration: "a duration"
        case .string: "a string"
        case .boolean(let value): "the boolean \(value)"
        case .null: "null"
        case .list: "a list"
        case .record: "a record"
        case .id(let prefix): prefix.map { idNoun(prefix: $0) } ?? "a Flex ID"
        }
    }

    /// What a value kind is called in "expected …".
    static func expectedNoun(_ kind: ValueKind) -> String {
        switch kind {
        case .any: "a value"
        case .string: "a string"
        case .integer: "an integer"
        case .money: "money"
        case .duration: "a duration"
        case .id(let prefix): "\(idNoun(prefix: prefix)) (\(prefix)…)"
        case .items: "an item list"
        case .record: "a record"
        case .word(let choices): choices.isEmpty ? "a word" : "one of \(choices.joined(separator: ", "))"
        case .flag: "no value"
        }
    }

    /// `$24.99`, `-$0.05`: integer cents as a money literal.
    static func dollars(_ cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)$\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The cents a decimal literal stands for when read as dollars, if it has at most two decimals.
    static func cents(ofDollars value: DecimalLiteral) -> Int? {
        guard value.scale >= 0, value.scale <= 2 else { return nil }
        let factor = value.scale == 2 ? 1 : (value.scale == 1 ? 10 : 100)
        let (cents, overflow) = value.significand.multipliedReportingOverflow(by: factor)
        return overflow ? nil : cents
    }
}

extension Checker.Pass {
    /// Names the value in word diagnostics: "unknown mode 'x' for 'checkout'".
    struct ValueContext {
        var name: String
        /// The command's phrase words as written (`names` of the tree).
        var phrase: NodeRange
    }

    /// Reports a literal that cannot be a value of `kind`; computed expressions pass.
    mutating func checkLiteral(_ expression: ExpressionReference, against kind: ValueKind, context: ValueContext?) {
        guard let literal = Checker.literalClass(of: expression, in: tree) else { return }
        let span = tree.span(expression)
        var help: String?
        switch (kind, literal) {
        case (.any, _), (.flag, _):
            return
        case (.string, .string), (.string, .id), (.string, .null):
            return
        case (.string, .integer), (.string, .decimal), (.string, .money), (.string, .duration), (.string, .boolean):
            help = "put it in quotes: \"\(sourceText(span))\""
        case (.integer, .integer), (.integer, .money), (.integer, .null):
            return
        case (.integer, .string):
            if let text = Checker.staticText(of: expression, in: tree), !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                help = "remove the quotes: \(text)"
            }
        case (.integer, .decimal):
            help = "use a whole number"
        case (.money, .integer), (.money, .money), (.money, .null):
            return
        case (.money, .decimal(let value)):
            if let cents = Checker.cents(ofDollars: value) {
                help = "write money as \(Checker.dollars(cents)) (or \(cents) cents)"
            } else {
                help = "money has at most two decimal places: write it like $24.99 (or 2499 cents)"
            }
        case (.money, .string):
            help = "write money without quotes, like $24.99 (or 2499 cents)"
        case (.duration, .duration), (.duration, .integer), (.duration, .null):
            return
        case (.duration, _):
            help = "write a duration like 30s, 15m, 2h or 7d"
        case (.id, .string), (.id, .record), (.id, .null), (.id, .id(prefix: nil)):
            return
        case (.id(let expected), .id(let found?)):
            if found == expected { return }
        case (.items, .list), (.items, .null):
            return
        case (.items, _):
            help = "write items like [price x2, other_price]"
        case (.record, .record), (.record, .null):
            return
        case (.record, _):
            help = "write a record like { key: \"value\" }"
        case (.word(let choices), .string):
            if !choices.isEmpty, let text = Checker.staticText(of: expression, in: tree), !choices.contains(text) {
                reportUnknownWord(text, at: span, choices: choices, context: context)
            }
            return
        case (.word, .id), (.word, .null):
            return
        default:
            break
        }
        report("expected \(Checker.expectedNoun(kind)), found \(Checker.describe(literal))", at: span, help: help)
    }

    mutating func reportUnknownWord(_ word: String, at span: SourceSpan, choices: [String], context: ValueContext?) {
        let help: String
        if let suggestion = Suggestions.closest(to: word, among: choices) {
            help = "did you mean '\(suggestion)'?"
        } else {
            help = "expected one of: \(choices.joined(separator: ", "))"
        }
        if let context {
            report("unknown \(context.name) '\(word)' for '\(phraseText(context.phrase))'", at: span, help: help)
        } else {
            report("unknown word '\(word)'", at: span, help: help)
        }
    }

    func sourceText(_ span: SourceSpan) -> String {
        sources.file(span.file)?.text(of: span) ?? ""
    }
}
