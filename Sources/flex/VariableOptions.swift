// `--var NAME=VALUE`, shared by run, check, test and repl: each value typed as a script would
// write it, each name checked (an identifier, not a reserved word, not `it`).
import ArgumentParser
import FlexInterpreter

struct VariableOptions: ParsableArguments {
    @Option(name: .customLong("var"), help: ArgumentHelp("Bind a variable before the script runs (var(\"NAME\", default) reads it too).",
                                                         valueName: "NAME=VALUE"))
    var variables: [String] = []

    /// The bindings in order; nil, with the reason written to stderr, when one is not valid.
    func bindings(output: StandardOutputSink) -> [(name: String, value: Value)]? {
        var bound: [(name: String, value: Value)] = []
        for text in variables {
            if let problem = ScriptRunner.variableProblem(text) {
                output.write("flex: \(problem)\n", to: .standardError)
                return nil
            }
            if let variable = ScriptRunner.parseVariable(text) { bound.append(variable) }
        }
        return bound
    }
}
