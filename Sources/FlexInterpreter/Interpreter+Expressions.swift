// Expression evaluation: literals, names, field access with did-you-mean, indexing, calls.
import FlexAPI
import FlexLanguage

extension Interpreter {
    func evaluate(_ expression: Expression, in scope: Scope) async throws -> Value {
        switch expression.kind {
        case .null: return .null
        case .boolean(let b): return .bool(b)
        case .integer(let i): return .integer(i)
        case .decimal(let d): return .decimal(d)
        case .money(let cents): return .integer(cents)
        case .duration(let seconds): return .duration(seconds: seconds)
        case .flexID(let text): return .id(text)

        case .string(let segments):
            if segments.count == 1, case .text(let text) = segments[0] { return .string(text) }
            var text = textBuilder()
            for segment in segments {
                switch segment {
                case .text(let part): text.append(part)
                case .interpolation(let inner): try await evaluate(inner, in: scope).writePrinted(to: &text)
                }
                if text.isStopped { break }
            }
            return .string(try Interpreter.finished(text, span: expression.span))

        case .variable(let name):
            if name == "it" { return it }
            if let value = scope.lookup(name) { return value }
            let suggestion = Suggestions.closest(to: name, among: scope.visibleNames + ["it"])
            throw ScriptFailure.runtime("undefined variable '\(name)'", at: expression.span,
                                        help: suggestion.map { "did you mean '\($0)'?" })

        case .list(let elements):
            var values: [Value] = []
            values.reserveCapacity(elements.count)
            for element in elements { values.append(try await evaluate(element, in: scope)) }
            let list = Value.list(ValueList(values))
            try Interpreter.checkNesting(list, span: expression.span)
            return list

        case .record(let entries):
            var record = Record()
            for entry in entries { record[entry.key] = try await evaluate(entry.value, in: scope) }
            let value = Value.record(record)
            try Interpreter.checkNesting(value, span: expression.span)
            return value

        case .member(let baseExpression, let name):
            let base = try await evaluate(baseExpression, in: scope)
            return try member(of: base, name, baseSpan: baseExpression.span, span: expression.span)

        case .index(let baseExpression, let indexExpression):
            let base = try await evaluate(baseExpression, in: scope)
            let index = try await evaluate(indexExpression, in: scope)
            return try subscripted(base, by: index, indexSpan: indexExpression.span)

        case .call(let name, let arguments):
            var values: [Value] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments { values.append(try await evaluate(argument, in: scope)) }
            return try await call(name, values, arguments: arguments, span: expression.span, in: scope)

        case .unary(let op, let operandExpression):
            let operand = try await evaluate(operandExpression, in: scope)
            return try unary(op, operand, span: expression.span)

        case .binary(.matches, let left, let right) where PatternMarker.isRecordPattern(right):
            let value = try await evaluate(left, in: scope)
            return .bool(try await mismatches(value, right, in: scope).isEmpty)

        case .binary(let op, let left, let right):
            switch op {
            case .and:
                guard try await evaluate(left, in: scope).isTruthy else { return .bool(false) }
                return .bool(try await evaluate(right, in: scope).isTruthy)
            case .or:
                if try await evaluate(left, in: scope).isTruthy { return .bool(true) }
                return .bool(try await evaluate(right, in: scope).isTruthy)
            default:
                let a = try await evaluate(left, in: scope)
                let b = try await evaluate(right, in: scope)
                return try binary(op, a, b, left: left, right: right, span: expression.span)
            }

        case .command(let invocation):
            return try await run(invocation, span: expression.span, in: scope)

        case .invalid:
            throw ScriptFailure.runtime("cannot evaluate an expression that did not parse", at: expression.span)
        }
    }

    /// `base.name`. `.id` also answers on every Flex object (its own `*_id` field) and on an ID.
    func member(of base: Value, _ name: Identifier, baseSpan: SourceSpan, span: SourceSpan) throws -> Value {
        if let value = base.field(name.name) { return value }
        if name.name == "id" {
            if case .id = base { return base }
            if let key = base.ownIDKey, let value = base.field(key) { return value }
        }
        guard let keys = base.recordKeys else {
            let help: String? = switch base {
            case .null: "the value is null; check that the object you read it from has this field set"
            case .id: "an ID is not the object itself; fetch it first, e.g. checkout get \(base.printed)"
            default: nil
            }
            throw ScriptFailure.runtime("cannot read field '\(name.name)' of \(base.kindDescription)", at: name.span, help: help)
        }
        let help: String
        if let suggestion = Suggestions.closest(to: name.name, among: keys) {
            help = "did you mean '\(suggestion)'?"
        } else if keys.isEmpty {
            help = "the record has no fields"
        } else {
            help = "its fields are: " + keys.joined(separator: ", ")
        }
        throw ScriptFailure.runtime("no field '\(name.name)' on \(base.objectTypeName)", at: name.span, help: help)
    }

    /// `l[0]`, `l[-1]` (from the end), `r["key"]`, `s[0]` (a character).
    func subscripted(_ base: Value, by index: Value, indexSpan: SourceSpan) throws -> Value {
        if base.isList {
            guard case .integer(let position) = index else {
                throw ScriptFailure.runtime("a list index must be an integer, got \(index.kindDescription)", at: indexSpan)
            }
            let count: Int
            switch base {
            case .list(let l): count = l.count
            case .array(let a): count = a.count
            default: count = 0
            }
            let resolved = position < 0 ? count + position : position
            guard resolved >= 0, resolved < count else {
                throw ScriptFailure.runtime("index \(position) is out of range for a list of \(count) element\(count == 1 ? "" : "s")",
                                            at: indexSpan,
                                            help: count == 0 ? "the list is empty" : "valid indices are 0…\(count - 1) and -\(count)…-1")
            }
            switch base {
            case .list(let l): return l[resolved]
            case .array(let a): return Value(json: a[resolved])
            default: return .null
            }
        }
        if base.isRecord {
            guard let key = index.text else {
                throw ScriptFailure.runtime("a record index must be a string, got \(index.kindDescription)", at: indexSpan)
            }
            if let value = base.field(key) { return value }
            let keys = base.recordKeys ?? []
            throw ScriptFailure.runtime("no field '\(key)' on \(base.objectTypeName)", at: indexSpan,
                                        help: Suggestions.closest(to: key, among: keys).map { "did you mean '\($0)'?" }
                                            ?? (keys.isEmpty ? nil : "its fields are: " + keys.joined(separator: ", ")))
        }
        if let text = base.text {
            guard case .integer(let position) = index else {
                throw ScriptFailure.runtime("a string index must be an integer, got \(index.kindDescription)", at: indexSpan)
            }
            let characters = Array(text)
            let resolved = position < 0 ? characters.count + position : position
            guard resolved >= 0, resolved < characters.count else {
                throw ScriptFailure.runtime("index \(position) is out of range for a string of \(characters.count) characters", at: indexSpan)
            }
            return .string(String(characters[resolved]))
        }
        throw ScriptFailure.runtime("cannot index \(base.kindDescription)", at: indexSpan)
    }

    /// A `def` function or a built-in.
    func call(_ name: Identifier, _ values: [Value], arguments: NodeList<Expression>, span: SourceSpan, in scope: Scope) async throws -> Value {
        if let bound = scope.lookup(name.name) {
            guard case .function(let function) = bound else {
                throw ScriptFailure.runtime("'\(name.name)' is \(bound.kindDescription), not a function", at: name.span)
            }
            return try await call(function, values, span: span)
        }
        if Builtins.byName[name.name] != nil {
            switch name.name {
            case "refresh": return try await refresh(values, arguments: arguments, span: span)
            case "filter", "find": return try await select(name.name, values, arguments: arguments, span: span)
            default: return try builtin(name.name, values, arguments: arguments, span: span)
            }
        }
        let candidates = scope.visibleNames + Builtins.all.map(\.name)
        throw ScriptFailure.runtime("unknown function '\(name.name)'", at: name.span,
                                    help: Suggestions.closest(to: name.name, among: candidates).map { "did you mean '\($0)'?" })
    }

    func call(_ function: FunctionValue, _ values: [Value], span: SourceSpan) async throws -> Value {
        guard values.count == function.parameters.count else {
            let expected = function.parameters.count
            throw ScriptFailure.runtime("'\(function.name)' takes \(expected) argument\(expected == 1 ? "" : "s"), got \(values.count)", at: span,
                                        help: "def \(function.name)(\(function.parameters.map(\.name).joined(separator: ", ")))")
        }
        guard callDepth < configuration.maximumCallDepth else {
            throw ScriptFailure.runtime("too many nested calls (more than \(configuration.maximumCallDepth)) calling '\(function.name)'", at: span,
                                        help: "a recursive function needs a case that returns without calling itself")
        }
        callDepth += 1
        defer { callDepth -= 1 }
        let local = Scope(parent: function.scope)
        for (parameter, value) in zip(function.parameters, values) { local.define(parameter.name, value) }
        if case .returned(let value) = try await executeStatements(function.body.statements, in: local) { return value }
        return .null
    }
}
