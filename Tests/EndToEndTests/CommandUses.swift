// The commands parsed programs use, wherever they stand (nested blocks, clause values,
// interpolations), and which of them stand inside `expect error`: made to fail on purpose.
import FlexLanguage

struct CommandUses {
    private(set) var all = Set<CommandName>()
    private(set) var expectedToFail = Set<CommandName>()

    mutating func add(_ program: Program) {
        for statement in program.statements { collect(statement, insideExpectError: false) }
    }

    private mutating func collect(_ statement: Statement, insideExpectError: Bool) {
        var insideExpectError = insideExpectError
        if case .expectError = statement.kind { insideExpectError = true }
        let (expressions, blocks) = Self.parts(of: statement)
        for expression in expressions { collect(expression, insideExpectError: insideExpectError) }
        for block in blocks {
            for inner in block.statements { collect(inner, insideExpectError: insideExpectError) }
        }
    }

    private mutating func collect(_ expression: Expression, insideExpectError: Bool) {
        if case .command(let invocation) = expression.kind, let name = invocation.command {
            all.insert(name)
            if insideExpectError { expectedToFail.insert(name) }
        }
        for child in Self.children(of: expression) { collect(child, insideExpectError: insideExpectError) }
    }

    /// The expressions a statement evaluates itself, and the blocks it runs.
    private static func parts(of statement: Statement) -> (expressions: [Expression], blocks: [Block]) {
        switch statement.kind {
        case .letBinding(_, let value), .assignment(_, let value), .expression(let value), .show(let value):
            return ([value], [])
        case .expect(let condition, let message):
            return ([condition] + (message.map { [$0] } ?? []), [])
        case .expectError(_, let body), .scenario(_, _, let body), .functionDefinition(_, _, let body):
            return ([], [body])
        case .print(let values):
            return (Array(values), [])
        case .ifElse(let branches, let elseBlock):
            return (branches.map(\.condition), branches.map(\.body) + (elseBlock.map { [$0] } ?? []))
        case .forIn(_, let sequence, let body), .repeatTimes(let sequence, let body):
            return ([sequence], [body])
        case .waitUntil(let condition, let every, let timeout):
            return ([condition, every, timeout].compactMap { $0 }, [])
        case .returnStatement(let value):
            return (value.map { [$0] } ?? [], [])
        case .include, .invalid:
            return ([], [])
        }
    }

    private static func children(of expression: Expression) -> [Expression] {
        switch expression.kind {
        case .string(let segments):
            return segments.compactMap { segment in
                if case .interpolation(let inner) = segment { return inner }
                return nil
            }
        case .list(let elements): return Array(elements)
        case .record(let entries): return entries.map(\.value)
        case .member(let base, _): return [base]
        case .index(let base, let index): return [base, index]
        case .call(_, let arguments): return Array(arguments)
        case .unary(_, let operand): return [operand]
        case .binary(_, let left, let right): return [left, right]
        case .command(let invocation): return Array(invocation.arguments) + invocation.clauses.flatMap(values(of:))
        case .null, .boolean, .integer, .decimal, .money, .duration, .flexID, .variable, .invalid: return []
        }
    }

    private static func values(of clause: Clause) -> [Expression] {
        switch clause.value {
        case .expression(let value): return [value]
        case .items(let items, _): return items.flatMap { [$0.price] + ($0.quantity.map { [$0] } ?? []) }
        case .none, .word: return []
        }
    }
}
