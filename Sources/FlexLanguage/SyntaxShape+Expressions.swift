// The shape of expressions, commands and their clauses: every operator and operand, fully parenthesized.

extension SyntaxShape {
    func expression(_ expression: Expression) -> String {
        switch expression.kind {
        case .null: return "null"
        case .boolean(let value): return String(value)
        case .integer(let value): return "int:\(value)"
        case .decimal(let value): return "dec:\(value.significand)e-\(value.scale)"
        case .money(let cents): return "cents:\(cents)"
        case .duration(let seconds): return "secs:\(seconds)"
        case .string(let segments): return "str(" + segments.map(segment).joined(separator: ", ") + ")"
        case .flexID(let text): return "id:\(text)"
        case .variable(let name): return "var:\(name)"
        case .list(let elements): return "[" + elements.map(self.expression).joined(separator: ", ") + "]"
        case .record(let entries):
            return "{" + entries.map { Self.quoted($0.key) + ": " + self.expression($0.value) }.joined(separator: ", ") + "}"
        case .member(let base, let name): return "(\(self.expression(base)).\(name.name))"
        case .index(let base, let index): return "(\(self.expression(base))[\(self.expression(index))])"
        case .call(let name, let arguments):
            return "call \(Self.quoted(name.name))(" + arguments.map(self.expression).joined(separator: ", ") + ")"
        case .unary(let op, let operand): return "(\(op.rawValue) \(self.expression(operand)))"
        case .binary(let op, let left, let right): return "(\(self.expression(left)) \(op.rawValue) \(self.expression(right)))"
        case .command(let invocation): return command(invocation)
        case .invalid: return "invalid"
        }
    }

    private func segment(_ segment: StringSegment) -> String {
        switch segment {
        case .text(let text): return Self.quoted(text)
        case .interpolation(let inner): return "${" + expression(inner) + "}"
        }
    }

    private func command(_ invocation: CommandInvocation) -> String {
        var words = "cmd<" + invocation.phrase.map(\.name).joined(separator: " ") + ">"
        for argument in invocation.arguments { words += " " + expression(argument) }
        for clause in invocation.clauses { words += " " + self.clause(clause) }
        return "(" + words + ")"
    }

    private func clause(_ clause: Clause) -> String {
        let name = Self.quoted(clause.name)
        switch clause.value {
        case .none: return name
        case .expression(let value): return name + "=" + expression(value)
        case .word(let word): return name + "=word:" + word.name
        case .items(let items, _):
            let written = items.map { item in expression(item.price) + " x " + (item.quantity.map(expression) ?? "-") }
            return name + "=items[" + written.joined(separator: ", ") + "]"
        }
    }
}
