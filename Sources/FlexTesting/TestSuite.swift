// Loads the discovered files (in parallel): each is read, parsed and checked on its own, and
// becomes its test cases, or one broken-file report when it has errors.
import FlexInterpreter
import FlexLanguage

public struct TestSuite: Sendable {
    /// A file that parsed and checked: its program (with its includes) and its cases.
    public struct LoadedFile: Sendable {
        public var path: String
        public var program: CheckedProgram
        public var cases: [TestCase]
    }

    public let sources: SourceManager
    public var files: [LoadedFile]
    public var broken: [BrokenFile]

    /// Every case of every loaded file, in file order then source order.
    public var cases: [TestCase] { files.flatMap(\.cases) }

    /// `variables`: the `--var` names, bound before every case (the checker must know them).
    public static func load(_ paths: [String], style: DiagnosticRenderer.Style = .full, jobs: Int = 1,
                            variables: Set<String> = []) async -> TestSuite {
        let sources = SourceManager()
        var slots = [LoadOutcome?](repeating: nil, count: paths.count)
        // Files load in small batches per task, for the same reason cases run in batches.
        let batchSize = max(1, min(16, paths.count / max(1, jobs * 8)))
        await withTaskGroup(of: [(Int, LoadOutcome)].self) { group in
            var next = 0
            func start(_ group: inout TaskGroup<[(Int, LoadOutcome)]>) {
                let batch = next..<min(paths.count, next + batchSize)
                next = batch.upperBound
                let work = batch.map { ($0, paths[$0]) }
                group.addTask { work.map { ($0.0, TestSuite.loadOne($0.1, sources: sources, style: style, variables: variables)) } }
            }
            var running = 0
            while next < paths.count, running < max(1, jobs) {
                start(&group)
                running += 1
            }
            for await batch in group {
                for (index, outcome) in batch { slots[index] = outcome }
                if next < paths.count { start(&group) }
            }
        }
        var files: [LoadedFile] = []
        var broken: [BrokenFile] = []
        for slot in slots {
            switch slot {
            case .loaded(let file): files.append(file)
            case .broken(let file): broken.append(file)
            case nil: break
            }
        }
        return TestSuite(sources: sources, files: files, broken: broken)
    }

    enum LoadOutcome: Sendable {
        case loaded(LoadedFile)
        case broken(BrokenFile)
    }

    static func loadOne(_ path: String, sources: SourceManager, style: DiagnosticRenderer.Style, variables: Set<String> = []) -> LoadOutcome {
        let renderer = DiagnosticRenderer(sources: sources, style: style)
        let bytes: [UInt8]
        switch FileSourceLoader.readFile(path) {
        case .success(let read): bytes = read
        case .failure(let error):
            let message = "\(error)"
            return .broken(BrokenFile(file: path, failure: FailureDetail(message: message, file: path, line: 0, column: 0,
                                                                         rendered: "error: \(message)\n")))
        }
        let file = sources.add(path: path, bytes: bytes)
        let program = CheckedProgram.compile(file, sources: sources, loader: FileSourceLoader(), predefined: variables,
                                             commandLineVariables: variables)
        let errors = program.diagnostics.filter { $0.severity == .error }
        if let first = errors.first {
            var detail = FailureDetail(diagnostic: first, sources: sources, renderer: renderer)
            detail.rendered = renderer.render(errors)
            if errors.count > 1 { detail.message += " (and \(errors.count - 1) more)" }
            return .broken(BrokenFile(file: path, failure: detail))
        }
        var cases: [TestCase] = []
        for (index, statement) in program.program.statements.enumerated() {
            guard case .scenario(let name, let nameSpan, _) = statement.kind else { continue }
            cases.append(TestCase(file: path, scenario: name, statementIndex: index,
                                  line: file.location(of: nameSpan.start).line))
        }
        if cases.isEmpty { cases = [TestCase(file: path, scenario: nil, statementIndex: nil, line: 1)] }
        return .loaded(LoadedFile(path: path, program: program, cases: cases))
    }
}

extension FailureDetail {
    /// The parts reports need from a diagnostic: location, `left:`/`right:` values, notes, the rendering.
    init(diagnostic: Diagnostic, sources: SourceManager, renderer: DiagnosticRenderer) {
        var file = "", line = 0, column = 0
        if let span = diagnostic.span, let source = sources.file(span.file) {
            file = source.path
            let location = source.location(of: span.start)
            line = location.line
            column = location.column
        }
        var left: String?, right: String?
        for note in diagnostic.notes {
            if note.message.hasPrefix("left:") { left = FailureDetail.value(after: "left:", in: note.message) }
            if note.message.hasPrefix("right:") { right = FailureDetail.value(after: "right:", in: note.message) }
        }
        self.init(message: diagnostic.message, file: file, line: line, column: column, left: left, right: right,
                  notes: diagnostic.notes.map(\.message), rendered: renderer.render(diagnostic))
    }

    static func value(after label: String, in message: String) -> String {
        var rest = Substring(message.dropFirst(label.count))
        while rest.first == " " { rest = rest.dropFirst() }
        return String(rest)
    }
}
