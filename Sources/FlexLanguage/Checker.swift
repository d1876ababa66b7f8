// The checker: one pass over a parsed program, before anything runs, reporting every problem it
// can see statically (unknown commands and clauses, literal values of the wrong kind, undefined
// names, misplaced statements, includes) so a script never fails halfway on a typo.

public struct Checker: Sendable {
    public let sources: SourceManager
    public let loader: (any SourceLoader)?
    /// Names bound before the program runs (`--var NAME=…`, REPL session variables and functions).
    public let predefined: Set<String>
    /// The `--var` names given on the command line: what `var("NAME")` without a default needs.
    public let commandLineVariables: Set<String>

    public init(sources: SourceManager, loader: (any SourceLoader)?, predefined: Set<String> = [], commandLineVariables: Set<String> = []) {
        self.sources = sources
        self.loader = loader
        self.predefined = predefined
        self.commandLineVariables = commandLineVariables
    }

    public func check(_ program: Program) -> CheckResult {
        // The checker reads the parsed tree's records.
        program.statements.tree.withSource { records in
            var pass = Pass(checker: self, mainFile: program.file, tree: records)
            pass.checkMainProgram(program.statements.range)
            return CheckResult(diagnostics: pass.diagnostics, includes: pass.includes)
        }
    }
}

extension Checker {
    /// What the checker knows about a callable name.
    struct FunctionInfo {
        /// Nil for a definition that failed to parse: calls to it are not judged.
        var arity: ClosedRange<Int>?
        /// Where the `def` is; nil for a built-in function.
        var span: SourceSpan?
    }

    /// The mutable state of one `check` call.
    struct Pass {
        /// Deeper nesting than this is not walked (the parser bounds nesting at 256); it keeps a
        /// pathological tree from overflowing the stack.
        static let maximumDepth = 400
        /// How deep `include` may nest before it is reported (a cycle is caught before this).
        static let maximumIncludeDepth = 64

        let sources: SourceManager
        let loader: (any SourceLoader)?
        let predefined: Set<String>
        let commandLineVariables: Set<String>

        var diagnostics: [Diagnostic] = []
        var includes: [SourceSpan: Program] = [:]

        var variables = ScopeStack<Void>()
        var functions = ScopeStack<FunctionInfo>()
        /// The records of the file being checked: a copy of its tree's arrays, read without any
        /// reference counting. Valid inside `SyntaxTree.withSource`, which `check` (the main
        /// file) and `checkInclude` (included files) run their walks in.
        var tree: SyntaxTree.Records
        /// The top level of the file being checked, and its `let` names once needed: a `def` body
        /// may use them wherever they are bound, because it runs when called, after the file's top
        /// level has bound them. Worked out only on a miss, so clean scripts never pay for it.
        var fileStatements = NodeRange.empty
        var fileGlobalsCache: Set<String>?
        /// How many `def` bodies enclose the current statement (`return` needs at least one).
        var functionDepth = 0
        /// How many nodes enclose the current one (see `maximumDepth`).
        var depth = 0

        /// Canonical paths of the files being checked, outermost first (cycle detection).
        var includeChain: [String] = []
        /// Canonical paths already included in this run (each file is included once).
        var includedPaths: Set<String> = []
        /// The main file's canonical path as the loader spells it, worked out at the first include.
        var mainCanonicalPath: String?

        init(checker: Checker, mainFile: FileID, tree: SyntaxTree.Records) {
            self.tree = tree
            sources = checker.sources
            loader = checker.loader
            predefined = checker.predefined
            commandLineVariables = checker.commandLineVariables
            for name in predefined { variables.bind(name, ()) }
            // Built-ins sit in the outermost function scope, so a call costs one lookup.
            for builtin in Builtins.all { functions.bind(builtin.name, FunctionInfo(arity: builtin.arity, span: nil)) }
            includeChain = [sources.file(mainFile)?.path ?? ""]
        }

        mutating func fileGlobals() -> Set<String> {
            if let cached = fileGlobalsCache { return cached }
            var names: Set<String> = []
            for position in fileStatements.positions {
                if case .letBinding(let name, _) = tree.statements[Int(tree.lists[position])].node { names.insert(tree.text(name)) }
            }
            fileGlobalsCache = names
            return names
        }

        mutating func report(_ message: String, at span: SourceSpan?, help: String? = nil, notes: [Diagnostic.Note] = []) {
            diagnostics.append(.error(message, at: span, help: help, notes: notes))
        }
    }
}
