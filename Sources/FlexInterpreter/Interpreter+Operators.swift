// Unary and binary operators. Integer overflow and division by zero are runtime errors, never
// traps; decimals stay exact.
import FlexLanguage
import FlexRegex

extension Interpreter {
    func unary(_ op: UnaryOperator, _ operand: Value, span: SourceSpan) throws -> Value {
        switch op {
        case .not:
            return .bool(!operand.isTruthy)
        case .negate:
            switch operand {
            case .integer(let i):
                let (result, overflow) = 0.subtractingReportingOverflow(i)
                if overflow { throw Interpreter.overflow(span) }
                return .integer(result)
            case .decimal(let d):
                let (result, overflow) = 0.subtractingReportingOverflow(d.significand)
                if overflow { throw Interpreter.overflow(span) }
                return .decimal(DecimalLiteral(significand: result, scale: d.scale))
            case .duration(let seconds):
                let (result, overflow) = 0.subtractingReportingOverflow(seconds)
                if overflow { throw Interpreter.overflow(span) }
                return .duration(seconds: result)
            default:
                throw ScriptFailure.runtime("cannot negate \(operand.kindDescription)", at: span)
            }
        }
    }

    static func overflow(_ span: SourceSpan) -> ScriptFailure {
        .runtime("integer overflow", at: span, help: "the result does not fit in a 64-bit integer")
    }

    func binary(_ op: BinaryOperator, _ a: Value, _ b: Value, left: Expression, right: Expression, span: SourceSpan) throws -> Value {
        switch op {
        case .and: return .bool(a.isTruthy && b.isTruthy)
        case .or: return .bool(a.isTruthy || b.isTruthy)
        case .equal: return .bool(try equal(a, b, span: span))
        case .notEqual: return .bool(!(try equal(a, b, span: span)))
        case .less, .lessEqual, .greater, .greaterEqual:
            let order = try compare(a, b, span: span)
            switch op {
            case .less: return .bool(order < 0)
            case .lessEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case .contains: return .bool(try contains(a, b, containerSpan: left.span, span: span))
        case .in: return .bool(try contains(b, a, containerSpan: right.span, span: span))
        case .matches: return .bool(try matches(a, b, subjectSpan: left.span, patternSpan: right.span))
        case .add, .subtract, .multiply, .divide:
            return try arithmetic(op, a, b, span: span)
        }
    }

    func compare(_ a: Value, _ b: Value, span: SourceSpan) throws -> Int {
        if let order = Value.compareNumbers(a, b) { return order }
        switch (a, b) {
        case (.duration(let x), .duration(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        default:
            if let x = a.text, let y = b.text { return x < y ? -1 : (x == y ? 0 : 1) }
            if a.asDecimal != nil, b.asDecimal != nil { throw Interpreter.overflow(span) }
            throw ScriptFailure.runtime("cannot compare \(a.kindDescription) with \(b.kindDescription)", at: span)
        }
    }

    /// A list holds an element, a string a substring, a record a key.
    func contains(_ container: Value, _ element: Value, containerSpan: SourceSpan, span: SourceSpan) throws -> Bool {
        if let elements = container.listElements {
            var poll = InterruptionPoll(interruption)
            return try elements.contains { try equal($0, element, poll: &poll, span: span) }
        }
        if let keys = container.recordKeys {
            guard let key = element.text else {
                throw ScriptFailure.runtime("a record contains keys (strings), not \(element.kindDescription)", at: span)
            }
            return keys.contains(key)
        }
        if let text = container.text {
            guard let part = element.text else {
                throw ScriptFailure.runtime("a string contains strings, not \(element.kindDescription)", at: span)
            }
            return try textContains(text, part, span: span)
        }
        throw ScriptFailure.runtime("\(container.kindDescription) cannot contain anything", at: containerSpan,
                                    help: "contains and in work on lists, strings and records")
    }

    /// `subject matches "pattern"`: true when the regular expression matches anywhere in the
    /// subject (anchor with ^ and $ to match it all). The engine is linear in the subject and
    /// polls the interruption, so no pattern can run away (docs/language.md, Regular expressions).
    func matches(_ subject: Value, _ pattern: Value, subjectSpan: SourceSpan, patternSpan: SourceSpan) throws -> Bool {
        guard let text = subject.text else {
            throw ScriptFailure.runtime("matches needs a string on the left, got \(subject.kindDescription)", at: subjectSpan)
        }
        guard let source = pattern.text else {
            throw ScriptFailure.runtime("matches needs a pattern string on the right, got \(pattern.kindDescription)", at: patternSpan)
        }
        let regex: LinearRegex
        if let cached = regexCache[source] {
            regex = cached
        } else {
            do {
                regex = try LinearRegex(source)
            } catch {
                throw ScriptFailure.runtime("invalid regular expression: \(error.message)", at: patternSpan, help: error.help)
            }
            regexCache[source] = regex
        }
        var poll = InterruptionPoll(interruption)
        var stop: Interruption.Cause?
        let found = regex.matches(in: text) {
            stop = poll.tick(InterruptionPoll.interval)
            return stop != nil
        }
        if let found { return found }
        throw Interpreter.interrupted(stop ?? .interrupted, at: subjectSpan.merged(with: patternSpan))
    }

    func arithmetic(_ op: BinaryOperator, _ a: Value, _ b: Value, span: SourceSpan) throws -> Value {
        switch (op, a, b) {
        case (_, .integer(let x), .integer(let y)):
            return .integer(try integerArithmetic(op, x, y, span: span))
        case (.add, .duration(let x), .duration(let y)), (.subtract, .duration(let x), .duration(let y)):
            return .duration(seconds: try integerArithmetic(op, x, y, span: span))
        case (.multiply, .duration(let x), .integer(let y)), (.multiply, .integer(let y), .duration(let x)):
            return .duration(seconds: try integerArithmetic(.multiply, x, y, span: span))
        case (.divide, .duration(let x), .integer(let y)):
            return .duration(seconds: try integerArithmetic(.divide, x, y, span: span))
        case (.add, _, _) where a.text != nil && b.text != nil:
            let (x, y) = (a.text ?? "", b.text ?? "")
            try Interpreter.checkTextSize(x.utf8.count + y.utf8.count, span: span)
            return .string(x + y)
        case (.add, _, _) where a.isList && b.isList:
            return .list(try concatenated(a.valueList ?? [], b.valueList ?? [], span: span))
        default:
            if let x = a.asDecimal, let y = b.asDecimal {
                return .decimal(try decimalArithmetic(op, x, y, span: span))
            }
            let help: String? = (op == .add && (a.text != nil || b.text != nil))
                ? "to build text from values, interpolate: \"…${value}…\"" : nil
            throw ScriptFailure.runtime("cannot apply '\(op.rawValue)' to \(a.kindDescription) and \(b.kindDescription)", at: span, help: help)
        }
    }

    /// `x + y` on lists: a new list copied a chunk at a time, with the interruption polled
    /// between chunks, so Ctrl-C or a test case's timeout stops the copy of two long lists.
    func concatenated(_ x: ValueList, _ y: ValueList, span: SourceSpan) throws -> ValueList {
        try Interpreter.checkListSize(x.count + y.count, span: span)
        var poll = InterruptionPoll(interruption)
        var stop: Interruption.Cause?
        let copy = ValueList.concatenating(x, y, chunk: InterruptionPoll.interval) { copied in
            stop = poll.tick(copied)
            return stop == nil
        }
        if !copy.complete, let stop {
            throw keepingElements(copy.joined.elements, through: Interpreter.interrupted(stop, at: span))
        }
        return copy.joined
    }

    func integerArithmetic(_ op: BinaryOperator, _ x: Int, _ y: Int, span: SourceSpan) throws -> Int {
        let result: (partialValue: Int, overflow: Bool)
        switch op {
        case .add: result = x.addingReportingOverflow(y)
        case .subtract: result = x.subtractingReportingOverflow(y)
        case .multiply: result = x.multipliedReportingOverflow(by: y)
        default:
            guard y != 0 else { throw ScriptFailure.runtime("division by zero", at: span) }
            result = x.dividedReportingOverflow(by: y)
        }
        if result.overflow { throw Interpreter.overflow(span) }
        return result.partialValue
    }

    func decimalArithmetic(_ op: BinaryOperator, _ x: DecimalLiteral, _ y: DecimalLiteral, span: SourceSpan) throws -> DecimalLiteral {
        let tooPrecise = ScriptFailure.runtime("the exact decimal result does not fit in 18 significant digits", at: span,
                                               help: "decimals are exact, never rounded; work in integer cents where you can")
        switch op {
        case .add, .subtract:
            guard let (p, q) = DecimalLiteral.aligned(x, y) else { throw tooPrecise }
            let scale = max(x.scale, y.scale)
            let result = op == .add ? p.addingReportingOverflow(q) : p.subtractingReportingOverflow(q)
            if result.overflow { throw tooPrecise }
            return DecimalLiteral(significand: result.partialValue, scale: scale).normalized
        case .multiply:
            let result = x.significand.multipliedReportingOverflow(by: y.significand)
            let scale = x.scale.addingReportingOverflow(y.scale)
            if result.overflow || scale.overflow { throw tooPrecise }
            return DecimalLiteral(significand: result.partialValue, scale: scale.partialValue).normalized
        default:
            throw ScriptFailure.runtime("cannot divide decimals exactly", at: span,
                                        help: "divide integers (money is integer cents): $10 / 3 is 333")
        }
    }
}
