// `filter(list, fn)` and `find(list, fn)`: built-ins that call a script's function per element.
import FlexLanguage

extension Interpreter {
    /// `filter` keeps the elements `fn` is true for, in order; `find` gives the first (null when none).
    func select(_ name: String, _ values: [Value], arguments: NodeList<Expression>, span: SourceSpan) async throws -> Value {
        guard values.count == 2 else {
            throw ScriptFailure.runtime("'\(name)' takes 2 arguments, got \(values.count)", at: span)
        }
        guard let elements = values[0].listElements else {
            throw ScriptFailure.runtime("\(name) needs a list, got \(values[0].kindDescription)", at: arguments[0].span)
        }
        guard case .function(let predicate) = values[1] else {
            throw ScriptFailure.runtime("\(name) needs a function as its second argument, got \(values[1].kindDescription)",
                                        at: arguments[1].span, help: "def is_saved(pm) { return pm.off_session }, then \(name)(list, is_saved)")
        }
        var kept: [Value] = []
        for element in elements {
            try checkBudget(span)
            guard try await call(predicate, [element], span: span).isTruthy else { continue }
            if name == "find" { return element }
            kept.append(element)
        }
        return name == "find" ? .null : .list(ValueList(kept))
    }
}
