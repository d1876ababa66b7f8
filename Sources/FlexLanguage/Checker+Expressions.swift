// Expression rules: undefined variables, unknown functions and argument counts, nested commands.

extension Checker.Pass {
    /// Recursive, with `enter()` bounding the depth: the parser caps nesting well below the
    /// limit, so only a tree grown past what any parse makes can reach it, and then the rest is simply not walked.
    mutating func checkExpression(_ expression: ExpressionReference) {
        guard enter() else { return }
        defer { leave() }
        let record = tree.expressions[Int(expression.index)]
        switch record.node {
        case .null, .boolean, .integer, .decimal, .money, .duration, .flexID, .invalid:
            break
        case .variable(let name):
            checkVariableReference(tree.string(name), at: tree.span(record.start, record.end))
        case .binary(.matches, let left, let right) where isRecordPattern(right):
            checkExpression(left)
            checkPattern(right)
        case .binary(.matches, let left, let right):
            checkExpression(left)
            checkExpression(right)
            checkRegexLiteral(right)
        case .binary(_, let left, let right):
            checkExpression(left)
            checkExpression(right)
        case .member(let base, _):
            checkExpression(base)
        case .index(let base, let index):
            checkExpression(base)
            checkExpression(index)
        case .string(let segments):
            for position in segments.positions {
                if case .interpolation(let inner) = tree.segments[position] { checkExpression(inner) }
            }
        case .list(let elements):
            for position in elements.positions { checkExpression(self.expression(at: position)) }
        case .record(let entries):
            for position in entries.positions { checkExpression(tree.recordEntries[position].value) }
        case .call(let name, let arguments):
            checkCall(name, arguments: arguments, at: tree.span(record.start, record.end))
            checkCommandLineVariable(name, arguments: arguments)
            let functionArgument = Builtins.byName[tree.text(name)]?.functionArgument
            for (index, position) in arguments.positions.enumerated() {
                let argument = self.expression(at: position)
                if index == functionArgument, namesFunction(argument) { continue }
                checkExpression(argument)
            }
        case .unary(_, let operand):
            checkExpression(operand)
        case .command(let index):
            checkCommand(tree.commands[Int(index)])
        }
    }

    /// A bare name that is no variable but a `def`: passed as a value where a built-in wants a function.
    mutating func namesFunction(_ expression: ExpressionReference) -> Bool {
        guard case .variable(let name) = tree.node(expression) else { return false }
        let text = tree.string(name)
        return !isVariableVisible(text) && functions.lookup(text)?.span != nil
    }

    /// True when `expression` is a record pattern (the right side of `matches` in a test).
    func isRecordPattern(_ expression: ExpressionReference) -> Bool {
        if case .record = tree.node(expression) { return true }
        return false
    }

    mutating func isVariableVisible(_ name: String) -> Bool {
        if name == "it" || variables.contains(name) { return true }
        return functionDepth > 0 && fileGlobals().contains(name)
    }

    /// Candidates for "did you mean" after an undefined name, sorted so the answer is deterministic.
    mutating func visibleVariableNames() -> [String] {
        var names = Set(variables.names)
        names.insert("it")
        if functionDepth > 0 { names.formUnion(fileGlobals()) }
        return names.sorted()
    }

    mutating func checkVariableReference(_ name: String, at span: SourceSpan) {
        guard !isVariableVisible(name) else { return }
        var help: String?
        if functions.lookup(name) != nil {
            help = "'\(name)' is a function; call it as \(name)(…)"
        } else if let suggestion = Suggestions.closest(to: name, among: visibleVariableNames()) {
            help = "did you mean '\(suggestion)'?"
        } else if fileGlobals().contains(name) {
            help = "'\(name)' is bound only after its 'let': a 'let' takes effect from the next statement on"
        }
        report("'\(name)' is not defined", at: span, help: help)
    }

    /// `var("NAME")` without a default needs `--var NAME=…`: said before anything runs. A name
    /// that is not a plain string literal is judged when it runs.
    mutating func checkCommandLineVariable(_ nameReference: NameReference, arguments: NodeRange) {
        guard arguments.count == 1, tree.text(nameReference) == "var", functions.lookup("var")?.span == nil,
              let first = arguments.positions.first else { return }
        let argument = expression(at: first)
        guard case .string(let segments) = tree.node(argument), segments.count <= 1 else { return }
        var name = ""
        if let only = segments.positions.first {
            guard case .text(let text) = tree.segments[only] else { return }
            name = tree.string(text)
        }
        guard !commandLineVariables.contains(name) else { return }
        report("var(\"\(name)\") has no value: no --var \(name)=… was given and it has no default", at: tree.span(argument),
               help: "pass --var \(name)=VALUE, or give a default: var(\"\(name)\", …)")
    }

    mutating func checkCall(_ nameReference: NameReference, arguments: NodeRange, at span: SourceSpan) {
        let name = tree.text(nameReference)
        let arity: ClosedRange<Int>
        if let function = functions.lookup(name) {
            guard let known = function.arity else { return }
            arity = known
        } else if predefined.contains(name) {
            // A function defined earlier in the REPL session: its arity is checked when it runs.
            return
        } else {
            // Over user `def`s, built-ins and names bound before the program (an earlier REPL entry's `def`).
            let candidates = Set(functions.names).union(predefined).sorted()
            let help = Suggestions.closest(to: name, among: candidates).map { "did you mean '\($0)'?" }
            report("unknown function '\(name)'", at: tree.span(nameReference), help: help)
            return
        }
        let argumentCount = Int(arguments.count)
        guard !arity.contains(argumentCount) else { return }
        let expected: String
        if arity.lowerBound == arity.upperBound {
            expected = Checker.counted(arity.lowerBound, "argument")
        } else if arity.upperBound == arity.lowerBound + 1 {
            expected = "\(arity.lowerBound) or \(Checker.counted(arity.upperBound, "argument"))"
        } else {
            expected = "\(arity.lowerBound) to \(Checker.counted(arity.upperBound, "argument"))"
        }
        let given = argumentCount == 1 ? "1 was given" : "\(argumentCount) were given"
        report("'\(name)' takes \(expected), but \(given)", at: span)
    }
}

extension Checker {
    /// "1 argument", "2 arguments".
    static func counted(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }

    /// "a customer ID", "an event ID": what kind of object an ID prefix names.
    static func idNoun(prefix: String) -> String {
        let object: String
        if prefix == "fwhsec_" {
            object = "webhook secret"
        } else if let key = FlexIDPrefix.objectIDKeys[prefix] {
            object = String(key.dropLast(3)).replacing("_", with: " ")
        } else {
            return "a Flex ID"
        }
        return article(object) + " " + object + " ID"
    }

    static func article(_ noun: String) -> String {
        guard let first = noun.first else { return "a" }
        return "aeiouAEIOU".contains(first) ? "an" : "a"
    }
}
