// The built-in functions' names and arities: the checker rejects unknown calls and wrong argument
// counts with this table; FlexInterpreter implements each one.

public struct BuiltinFunction: Hashable, Sendable {
    public var name: String
    public var arity: ClosedRange<Int>
    public var summary: String
    /// The argument that is a function (`filter(list, fn)`): a `def`'s bare name is allowed there.
    public var functionArgument: Int?
    public init(_ name: String, arity: ClosedRange<Int>, functionArgument: Int? = nil, _ summary: String) {
        self.name = name
        self.arity = arity
        self.functionArgument = functionArgument
        self.summary = summary
    }
}

public enum Builtins {
    public static let all: [BuiltinFunction] = [
        BuiltinFunction("len", arity: 1...1, "the number of elements of a list, entries of a record, or characters of a string"),
        BuiltinFunction("env", arity: 1...2, "an environment variable: env(\"NAME\") or env(\"NAME\", default); an error when unset without a default"),
        BuiltinFunction("var", arity: 1...2, "a --var value: var(\"NAME\") or var(\"NAME\", default); flex check reports a var without a value or default"),
        BuiltinFunction("keys", arity: 1...1, "a record's keys, in order"),
        BuiltinFunction("values", arity: 1...1, "a record's values, in order"),
        BuiltinFunction("json", arity: 1...1, "a value as compact JSON text"),
        BuiltinFunction("string", arity: 1...1, "a value as text, the way print writes it"),
        BuiltinFunction("dollars", arity: 1...1, "integer cents as text: dollars(2499) == \"$24.99\""),
        BuiltinFunction("sum", arity: 1...1, "the sum of a list of integers"),
        BuiltinFunction("range", arity: 1...2, "range(n) is [0, …, n-1]; range(a, b) is [a, …, b-1]"),
        BuiltinFunction("filter", arity: 2...2, functionArgument: 1, "the elements of a list a function is true for: filter(pms, is_saved)"),
        BuiltinFunction("find", arity: 2...2, functionArgument: 1, "the first element of a list a function is true for, or null"),
        BuiltinFunction("refresh", arity: 1...1, "an object read anew from the API by its ID: refresh(s).status"),
    ]

    public static let byName: [String: BuiltinFunction] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
}
