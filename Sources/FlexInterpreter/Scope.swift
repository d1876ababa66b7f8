// Lexical scopes: each block that binds names gets one, and a function's body gets a child of
// the scope it was defined in, so functions close over their surroundings.

public final class Scope {
    var variables: [String: Value]
    let parent: Scope?

    init(parent: Scope?, variables: [String: Value] = [:]) {
        self.parent = parent
        self.variables = variables
    }

    func lookup(_ name: String) -> Value? {
        var scope: Scope? = self
        while let current = scope {
            if let value = current.variables[name] { return value }
            scope = current.parent
        }
        return nil
    }

    func define(_ name: String, _ value: Value) {
        variables[name] = value
    }

    /// Updates the innermost binding of `name`; false when it is not bound anywhere.
    func assign(_ name: String, _ value: Value) -> Bool {
        var scope: Scope? = self
        while let current = scope {
            if current.variables[name] != nil {
                current.variables[name] = value
                return true
            }
            scope = current.parent
        }
        return false
    }

    /// Moves the innermost binding's value out, leaving null in its place, so the caller can
    /// hold the only reference to it (and append to it in place); nil when `name` is not bound.
    func take(_ name: String) -> Value? {
        var scope: Scope? = self
        while let current = scope {
            if let index = current.variables.index(forKey: name) {
                let value = current.variables.values[index]
                current.variables.values[index] = .null
                return value
            }
            scope = current.parent
        }
        return nil
    }

    /// Every name visible from here, for did-you-mean.
    var visibleNames: [String] {
        var names: [String] = []
        var scope: Scope? = self
        while let current = scope {
            names += current.variables.keys
            scope = current.parent
        }
        return names.sorted()
    }
}
