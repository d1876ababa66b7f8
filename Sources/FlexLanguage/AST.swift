// The syntax tree the parser builds and the checker and interpreter walk. Every node carries its span.
//
// The tree lives in flat arrays (`SyntaxTree`); `Expression` and `Statement` are handles into it
// and give their `kind` as a value made on demand, so walking a tree reads it in place.

public struct Identifier: Hashable, Sendable {
    public var name: String
    public var span: SourceSpan
    public init(_ name: String, span: SourceSpan) {
        self.name = name
        self.span = span
    }
}

public struct Program: Sendable {
    public var file: FileID
    public var statements: NodeList<Statement>
    public init(file: FileID, statements: NodeList<Statement>) {
        self.file = file
        self.statements = statements
    }
}

/// `{ … }`; the span covers both braces.
public struct Block: Sendable {
    let tree: SyntaxTree
    let index: Int32

    init(_ tree: SyntaxTree, _ index: Int32) {
        self.tree = tree
        self.index = index
    }

    public var statements: NodeList<Statement> { tree.blockStatements(index) }
    public var span: SourceSpan { tree.blockSpan(index) }
}

public struct ConditionalBranch: Sendable {
    public var condition: Expression
    public var body: Block
    public init(condition: Expression, body: Block) {
        self.condition = condition
        self.body = body
    }
}

public struct Statement: Sendable {
    public enum Kind: Sendable {
        /// `let NAME = EXPR`
        case letBinding(Identifier, Expression)
        /// `NAME = EXPR` (the name must already be bound)
        case assignment(Identifier, Expression)
        /// A command or expression on its own; its value becomes `it`.
        case expression(Expression)
        /// `expect EXPR [else "message"]`
        case expect(Expression, message: Expression?)
        /// `expect error [CODE]: STATEMENT` (a one-statement block) or `expect error [CODE] { … }`.
        /// `code` is the Flex error code as written (identifier or string), nil for any error.
        case expectError(code: Identifier?, body: Block)
        /// `print EXPR, …`
        case print(NodeList<Expression>)
        /// `show EXPR`
        case show(Expression)
        /// `if C { } else if C { } else { }`
        case ifElse(branches: NodeList<ConditionalBranch>, elseBlock: Block?)
        /// `for NAME in EXPR { … }`
        case forIn(Identifier, Expression, Block)
        /// `repeat N { … }`
        case repeatTimes(Expression, Block)
        /// `wait until COND [every DURATION] [timeout DURATION]`
        case waitUntil(Expression, every: Expression?, timeout: Expression?)
        /// `def NAME(a, b) { … }`
        case functionDefinition(name: Identifier, parameters: NodeList<Identifier>, body: Block)
        /// `return [EXPR]`
        case returnStatement(Expression?)
        /// `include "path.flex"`; `path` is the decoded string literal.
        case include(path: String, pathSpan: SourceSpan)
        /// `scenario "name" { … }`
        case scenario(name: String, nameSpan: SourceSpan, body: Block)
        /// Stands in for a statement that failed to parse (its diagnostic is already reported).
        case invalid
    }

    let tree: SyntaxTree
    let index: Int32

    init(_ tree: SyntaxTree, _ index: Int32) {
        self.tree = tree
        self.index = index
    }

    public var kind: Kind { tree.statementKind(index) }
    public var span: SourceSpan { tree.statementSpan(index) }
}

/// An exact decimal literal such as `0.5`: `significand / 10^scale`. Never a floating-point number.
public struct DecimalLiteral: Hashable, Sendable, BitwiseCopyable, CustomStringConvertible {
    public var significand: Int
    public var scale: Int
    public init(significand: Int, scale: Int) {
        self.significand = significand
        self.scale = scale
    }
    public var description: String {
        guard scale > 0 else { return String(significand) }
        let negative = significand < 0
        var digits = String(significand.magnitude)
        while digits.count <= scale { digits = "0" + digits }
        let point = digits.index(digits.endIndex, offsetBy: -scale)
        return (negative ? "-" : "") + digits[..<point] + "." + digits[point...]
    }
}

public enum StringSegment: Sendable {
    case text(String)
    case interpolation(Expression)
}

/// The segments of a string literal, used like an array; read from its tree.
public struct StringSegments: RandomAccessCollection, Sendable {
    private let tree: SyntaxTree
    private let first: Int32
    private let segmentCount: Int32

    init(_ tree: SyntaxTree, first: Int32, count: Int32) {
        self.tree = tree
        self.first = first
        self.segmentCount = count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { Int(segmentCount) }

    public subscript(position: Int) -> StringSegment {
        precondition(position >= 0 && position < Int(segmentCount), "index out of range")
        return tree.segment(Int(first) + position)
    }
}

public struct RecordEntry: Sendable {
    public var key: String
    public var keySpan: SourceSpan
    public var value: Expression
    public init(key: String, keySpan: SourceSpan, value: Expression) {
        self.key = key
        self.keySpan = keySpan
        self.value = value
    }
}

public enum UnaryOperator: String, Sendable, BitwiseCopyable {
    case not = "not"
    case negate = "-"
}

public enum BinaryOperator: String, Sendable, BitwiseCopyable {
    case or, and
    case equal = "==", notEqual = "!="
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case contains, matches, `in`
    case add = "+", subtract = "-"
    case multiply = "*", divide = "/"
}

public struct Expression: Sendable {
    public enum Kind: Sendable {
        case null
        case boolean(Bool)
        case integer(Int)
        case decimal(DecimalLiteral)
        /// `$24.99` → 2499
        case money(cents: Int)
        /// `30s 15m 2h 7d` → seconds
        case duration(seconds: Int)
        case string(StringSegments)
        /// `fcus_01JV…`: a literal Flex ID (the whole text, prefix included).
        case flexID(String)
        /// A name: a variable, a parameter, or `it`.
        case variable(String)
        case list(NodeList<Expression>)
        case record(NodeList<RecordEntry>)
        /// `base.name`
        case member(Expression, Identifier)
        /// `base[index]`
        case index(Expression, Expression)
        /// `name(args)`: a built-in or a `def`.
        case call(Identifier, NodeList<Expression>)
        case unary(UnaryOperator, Expression)
        case binary(BinaryOperator, Expression, Expression)
        /// A Flex command phrase (`checkout items [p x2] save_card`).
        case command(CommandInvocation)
        /// Stands in for an expression that failed to parse (its diagnostic is already reported).
        case invalid
    }

    /// An expression is its tree and its index there; copying one copies a reference, and the
    /// tree is freed as a handful of arrays instead of a heap block per node.
    let tree: SyntaxTree
    let index: Int32

    init(_ tree: SyntaxTree, _ index: Int32) {
        self.tree = tree
        self.index = index
    }

    public var kind: Kind { tree.expressionKind(index) }
    public var span: SourceSpan { tree.expressionSpan(index) }
}

/// One entry of an item list: `thermo x2`, `p x 3`, `p` (quantity nil means 1).
public struct LineItemExpression: Sendable {
    public var price: Expression
    public var quantity: Expression?
    public var span: SourceSpan
    public init(price: Expression, quantity: Expression?, span: SourceSpan) {
        self.price = price
        self.quantity = quantity
        self.span = span
    }
}

public enum ClauseValue: Sendable {
    /// A flag clause (`save_card`, `hsa`, `eligible`).
    case none
    case expression(Expression)
    /// A bare word from a fixed set (`capture manual`, `mode off_session`, `lmn approved`).
    case word(Identifier)
    /// A bracketed item list written in place: `items [thermo x2, mug]`.
    case items(NodeList<LineItemExpression>, span: SourceSpan)
}

public struct Clause: Sendable {
    /// The clause's canonical name from the command table (`"with card"`, `"email"`), or the word
    /// as written when it is not a clause of this command (the checker reports it).
    public var name: String
    public var keywordSpan: SourceSpan
    public var value: ClauseValue
    public var span: SourceSpan
    public init(name: String, keywordSpan: SourceSpan, value: ClauseValue, span: SourceSpan) {
        self.name = name
        self.keywordSpan = keywordSpan
        self.value = value
        self.span = span
    }
}

public struct CommandInvocation: Sendable {
    let tree: SyntaxTree
    let index: Int32

    init(_ tree: SyntaxTree, _ index: Int32) {
        self.tree = tree
        self.index = index
    }

    private var record: CommandRecord { tree.records.commands[Int(index)] }

    /// Which command table entry this is; nil when the phrase is unknown (the checker reports it
    /// with a did-you-mean over `CommandTable`).
    public var command: CommandName? { record.command }

    /// The phrase words as written (`["customer", "create"]`).
    public var phrase: NodeList<Identifier> { NodeList(tree, record.phrase) }

    public var phraseSpan: SourceSpan { tree.span(record.phraseStart, record.phraseEnd) }

    /// Positional arguments in the order of the entry's `positionals`.
    public var arguments: NodeList<Expression> { NodeList(tree, record.arguments) }

    public var clauses: NodeList<Clause> { NodeList(tree, record.clauses) }

    public func clause(_ name: String) -> Clause? { clauses.first { $0.name == name } }
}

/// Names of the calls the parser builds for test patterns and snapshots. They contain a space, so
/// no user function can collide with them, and every AST walker already knows `.call` nodes.
/// `VALUE matches { f: any id, g: matches "re", h: { … }, i: [ … ], j: EXPR }` and
/// `expect snapshot NAME: VALUE` (see docs/testing.md).
public enum PatternMarker {
    /// `any` / `any KIND`: the call's name is `"pattern any"` or `"pattern any KIND"`, no arguments.
    public static let anyPrefix = "pattern any"
    /// `matches "regex"` inside a pattern: one argument, the regular expression string.
    public static let regex = "pattern matches"
    /// `expect snapshot NAME: VALUE`: arguments are the name (a plain string) and the value.
    public static let snapshot = "expect snapshot"
    /// The kinds `any` may name.
    public static let kinds = ["id", "string", "number", "integer", "money", "bool", "list", "record", "null"]

    /// The kind of an `any` marker call name: "" for plain `any`; nil when the name is no marker.
    public static func anyKind(_ callName: String) -> String? {
        guard callName.hasPrefix(anyPrefix) else { return nil }
        return String(callName.dropFirst(anyPrefix.count)).trimmingLeadingSpace()
    }

    /// True when `expression` is a record pattern (the right side of `matches` in a test).
    public static func isRecordPattern(_ expression: Expression) -> Bool {
        if case .record = expression.kind { return true }
        return false
    }
}

extension String {
    fileprivate func trimmingLeadingSpace() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        return String(text)
    }
}
