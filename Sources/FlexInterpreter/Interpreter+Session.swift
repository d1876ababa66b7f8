// What an interactive session asks of the interpreter between entries: the names bound at the
// top level and their values (for the checker, `.vars` and Tab completion).

extension Interpreter {
    /// Top-level variable and function names, in no particular order (Tab completion asks on
    /// every key press, so this does not sort; `.vars` sorts what it shows).
    public var globalNames: [String] { Array(globals.variables.keys) }

    public func globalValue(_ name: String) -> Value? {
        name == "it" ? it : globals.lookup(name)
    }
}
