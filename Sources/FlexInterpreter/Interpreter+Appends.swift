// `x = x + e` on a list or string appends in place, so building a value step by step is
// amortised O(1) per step instead of copying everything built so far each time. A long list is
// appended a chunk at a time with the interruption polled between chunks, as `l + l` copies.
import FlexLanguage

extension Interpreter {
    /// The new value of `name` when `expression` is `name + e` and could be appended in place;
    /// nil when the assignment is some other form (the caller evaluates it normally).
    ///
    /// The left side is read first and `e` evaluated second, as `+` does. Then the variable's
    /// binding and `it` (which holds the previous assignment's value) let go of the storage, so
    /// when nothing else shares it Swift's copy-on-write appends without copying.
    func appendAssigning(_ name: String, _ expression: Expression, in scope: Scope) async throws -> Value? {
        guard name != "it", case .binary(.add, let left, let right) = expression.kind,
              case .variable(let source) = left.kind, source == name,
              var current = scope.lookup(name) else { return nil }
        let addition = try await evaluate(right, in: scope)
        switch (current, addition) {
        case (.list(let list), _) where addition.isList:
            let added = addition.valueList ?? []
            try Interpreter.checkListSize(list.count + added.count, span: expression.span)
            // `x = x + x`: appending would first copy x whole, unpolled; `+` copies in polled chunks.
            if !added.isEmpty, list.sharesStorage(with: added) {
                return try binary(.add, current, addition, left: left, right: right, span: expression.span)
            }
        case (.string(let text), _) where addition.text != nil:
            try Interpreter.checkTextSize(text.utf8.count + (addition.text?.utf8.count ?? 0), span: expression.span)
        default:
            return try binary(.add, current, addition, left: left, right: right, span: expression.span)
        }
        _ = scope.take(name)
        it = .null
        let keeps = keepsValuesWhenInterrupted
        if let stop = current.append(addition, poll: InterruptionPoll(interruption), undoingWhenStopped: !keeps) {
            let failure = Interpreter.interrupted(stop, at: expression.span)
            // `flex run` exits now: keep the part-appended list rather than free it while unwinding.
            if keeps { throw keepingElements(current.valueList?.elements ?? [], through: failure) }
            // Otherwise the list is as it was, and the variable keeps it (the REPL goes on with it).
            _ = scope.assign(name, current)
            throw failure
        }
        return current
    }
}

extension Value {
    /// Appends a list to a list or text to a string, in place when this value holds the only
    /// reference to its storage; a list a chunk at a time, polling between chunks. On a stop the
    /// cause comes back, and the list is as it was when `undo` is set. Anything else is left as
    /// it is (the caller checked the kinds).
    mutating func append(_ addition: Value, poll: InterruptionPoll, undoingWhenStopped undo: Bool) -> Interruption.Cause? {
        if case .list(var list) = self {
            self = .null
            var poll = poll
            var stop: Interruption.Cause?
            _ = list.append(contentsOf: addition.valueList ?? [], chunk: InterruptionPoll.interval, undoingWhenStopped: undo) { appended in
                stop = poll.tick(appended)
                return stop == nil
            }
            self = .list(list)
            return stop
        } else if case .string(var text) = self {
            self = .null
            text += addition.text ?? ""
            self = .string(text)
        }
        return nil
    }
}
