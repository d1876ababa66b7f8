// The one way a front end (flex run, flex test, the REPL) turns source text into something the
// interpreter runs: parse, check, load includes; nothing runs when `hasErrors`.

public struct CheckedProgram: Sendable {
    /// The file's statements; pieces that failed to parse are `.invalid` nodes.
    public let program: Program
    /// The parsed program of each include statement that brings in a file for the first time,
    /// keyed by the include statement's pathSpan (see `CheckResult.includes`).
    public let includes: [SourceSpan: Program]
    /// Parse diagnostics, then the checker's (included files' parse errors among them).
    public let diagnostics: [Diagnostic]

    public init(program: Program, includes: [SourceSpan: Program] = [:], diagnostics: [Diagnostic] = []) {
        self.program = program
        self.includes = includes
        self.diagnostics = diagnostics
    }

    /// True when nothing may run.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Parses and checks `file`; `loader` reads its includes (nil: includes are reported missing),
    /// `predefined` are names bound before it runs (`--var`, the REPL session's variables);
    /// `commandLineVariables` the `--var` names alone (what `var("NAME")` reads).
    public static func compile(_ file: SourceFile, sources: SourceManager, loader: (any SourceLoader)?,
                               predefined: Set<String> = [], commandLineVariables: Set<String> = []) -> CheckedProgram {
        let parsed = Parser.parse(file)
        let checked = Checker(sources: sources, loader: loader, predefined: predefined,
                              commandLineVariables: commandLineVariables).check(parsed.program)
        return CheckedProgram(program: parsed.program, includes: checked.includes,
                              diagnostics: parsed.diagnostics + checked.diagnostics)
    }
}
