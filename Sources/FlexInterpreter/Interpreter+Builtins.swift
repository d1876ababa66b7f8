// The built-in functions listed in FlexLanguage's Builtins table.
import FlexAPI
import FlexLanguage
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Interpreter {
    /// The largest list `range` builds, so a typo cannot exhaust memory.
    static let maximumRange = 10_000_000

    func builtin(_ name: String, _ values: [Value], arguments: NodeList<Expression>, span: SourceSpan) throws -> Value {
        // The checker enforces arity; this guard keeps a REPL entry or an unchecked program safe.
        let arity = Builtins.byName[name]?.arity ?? 0...0
        guard arity.contains(values.count), !values.isEmpty else {
            let expected = arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "\(arity.lowerBound) or \(arity.upperBound)"
            throw ScriptFailure.runtime("'\(name)' takes \(expected) argument\(arity.upperBound == 1 ? "" : "s"), got \(values.count)", at: span)
        }
        let first = values[0]
        let firstSpan = arguments.first?.span ?? span
        switch name {
        case "len":
            switch first {
            case .list(let l): return .integer(l.count)
            case .array(let a): return .integer(a.count)
            case .record(let r): return .integer(r.count)
            case .object(let o): return .integer(o.count)
            case .string(let s), .id(let s): return .integer(try characterCount(s, span: span))
            default: throw ScriptFailure.runtime("len needs a list, a record or a string, got \(first.kindDescription)", at: firstSpan)
            }

        case "env":
            guard let variable = first.text else {
                throw ScriptFailure.runtime("env needs the variable's name as a string, got \(first.kindDescription)", at: firstSpan)
            }
            if let raw = getenv(variable) { return .string(String(cString: raw)) }
            if values.count == 2 { return values[1] }
            throw ScriptFailure.runtime("environment variable '\(variable)' is not set", at: span,
                                        help: "set it, or give a default: env(\"\(variable)\", \"…\")")

        case "var":
            guard let variable = first.text else {
                throw ScriptFailure.runtime("var needs the --var's name as a string, got \(first.kindDescription)", at: firstSpan)
            }
            if let given = configuration.variables.last(where: { $0.name == variable }) { return given.value }
            if values.count == 2 { return values[1] }
            throw ScriptFailure.runtime("no --var \(variable)=… was given", at: span,
                                        help: "pass --var \(variable)=VALUE, or give a default: var(\"\(variable)\", …)")

        case "keys":
            guard let keys = first.recordKeys else {
                throw ScriptFailure.runtime("keys needs a record, got \(first.kindDescription)", at: firstSpan)
            }
            return .list(ValueList(scalars: keys.map(Value.string)))

        case "values":
            guard let entries = first.recordEntries else {
                throw ScriptFailure.runtime("values needs a record, got \(first.kindDescription)", at: firstSpan)
            }
            return .list(ValueList(entries.map(\.value)))

        case "json":
            var text = textBuilder()
            first.writeJSON(to: &text)
            return .string(try Interpreter.finished(text, span: span))

        case "string":
            var text = textBuilder()
            first.writePrinted(to: &text)
            return .string(try Interpreter.finished(text, span: span))

        case "dollars":
            guard case .integer(let cents) = first else {
                throw ScriptFailure.runtime("dollars needs integer cents, got \(first.kindDescription)", at: firstSpan,
                                            help: "money is integer cents: dollars(2499) is \"$24.99\"")
            }
            return .string(Interpreter.dollars(cents))

        case "sum":
            return try sum(first, listSpan: firstSpan, span: span)

        case "range":
            return try range(values, arguments: arguments, span: span)

        default:
            throw ScriptFailure.runtime("unknown function '\(name)'", at: span)
        }
    }

    /// `sum(list)`: overflow is an error; Ctrl-C is noticed on long lists.
    func sum(_ list: Value, listSpan: SourceSpan, span: SourceSpan) throws -> Value {
        guard let elements = list.listElements else {
            throw ScriptFailure.runtime("sum needs a list of integers, got \(list.kindDescription)", at: listSpan)
        }
        var total = 0
        var poll = InterruptionPoll(interruption)
        for element in elements {
            guard case .integer(let value) = element else {
                throw ScriptFailure.runtime("sum needs a list of integers, but it holds \(element.kindDescription)", at: listSpan)
            }
            total = try integerArithmetic(.add, total, value, span: span)
            if let cause = poll.tick() { throw Interpreter.interrupted(cause, at: span) }
        }
        return .integer(total)
    }

    /// `range(n)` or `range(a, b)`, at most `maximumRange` elements, built in chunks so Ctrl-C
    /// stops a large one.
    func range(_ values: [Value], arguments: NodeList<Expression>, span: SourceSpan) throws -> Value {
        guard case .integer(let a) = values[0] else {
            throw ScriptFailure.runtime("range needs integers, got \(values[0].kindDescription)", at: arguments.first?.span ?? span)
        }
        var (low, high) = (0, a)
        if values.count == 2 {
            guard case .integer(let b) = values[1] else {
                throw ScriptFailure.runtime("range needs integers, got \(values[1].kindDescription)", at: arguments[1].span)
            }
            (low, high) = (a, b)
        }
        guard high > low else { return .list([]) }
        let (count, overflow) = high.subtractingReportingOverflow(low)
        guard !overflow, count <= Interpreter.maximumRange else {
            throw ScriptFailure.runtime("range is too large (at most \(Interpreter.maximumRange) elements)", at: span)
        }
        var elements: [Value] = []
        elements.reserveCapacity(count)
        var next = low
        while next < high {
            let end = next + min(high - next, 1 << 16)
            for number in next..<end { elements.append(.integer(number)) }
            next = end
            try checkInterruption(span)
        }
        return .list(ValueList(scalars: elements))
    }

    /// `2499` → `$24.99`, `-5` → `-$0.05`.
    static func dollars(_ cents: Int) -> String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return (cents < 0 ? "-$" : "$") + String(magnitude / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
