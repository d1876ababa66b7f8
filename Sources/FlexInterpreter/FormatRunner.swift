// `flex fmt`: formats scripts in place (atomically), or standard input to standard output, or with `--check` only reports.
import FlexLanguage

/// Formats each script it is given and says how it went as an exit status: 0 when everything is
/// (now) formatted, 1 when `--check` found a file to change or a file could not be read or
/// written, 2 when a file named on the command line does not parse (it is left alone and its
/// diagnostics are printed). A file found in a directory that does not parse is skipped with a
/// note: corpora keep scripts that show parse errors on purpose, and `flex check` reports them.
public struct FormatRunner {
    /// The special path that means standard input (formatted to standard output).
    public static let standardInput = "-"

    /// A file to format, and whether it was found by walking a directory rather than named.
    public struct Input: Sendable {
        public var path: String
        public var foundInDirectory: Bool
        public init(path: String, foundInDirectory: Bool = false) {
            self.path = path
            self.foundInDirectory = foundInDirectory
        }
    }

    let output: OutputSink
    let sources = SourceManager()
    let style: DiagnosticRenderer.Style
    let color: Bool

    public init(output: OutputSink, style: DiagnosticRenderer.Style = .full, color: Bool = false) {
        self.output = output
        self.style = style
        self.color = color
    }

    /// Formats `paths` in order (`-` is standard input); with `check`, changes nothing and prints a
    /// unified diff for each file that is not formatted.
    public func run(_ inputs: [Input], check: Bool) -> Int32 {
        var status = ExitStatus.success
        for input in inputs {
            status = max(status, format(input, check: check))
        }
        return status
    }

    func format(_ input: Input, check: Bool) -> Int32 {
        let path = input.path
        let read = path == Self.standardInput ? FileSourceLoader.readStandardInput() : FileSourceLoader.readFile(path)
        let bytes: [UInt8]
        switch read {
        case .success(let contents): bytes = contents
        case .failure(let error):
            output.write("flex: \(error)\n", to: .standardError)
            return ExitStatus.usage
        }
        let shownPath = path == Self.standardInput ? "<stdin>" : path
        let file = sources.add(path: shownPath, bytes: bytes)
        switch Formatter.format(file) {
        case .failure(let failure):
            if input.foundInDirectory {
                output.write("flex: skipped '\(path)': it does not parse ('flex check \(path)' says why)\n", to: .standardError)
                return ExitStatus.success
            }
            output.write(DiagnosticRenderer(sources: sources, style: style, color: color).render(failure.diagnostics), to: .standardError)
            return ExitStatus.checkFailed
        case .success(let formatted):
            return finish(path: path, shownPath: shownPath, original: bytes, formatted: formatted, check: check)
        }
    }

    private func finish(path: String, shownPath: String, original: [UInt8], formatted: [UInt8], check: Bool) -> Int32 {
        if check {
            guard formatted != original else { return ExitStatus.success }
            let diff = UnifiedDiff.render(old: String(decoding: original, as: UTF8.self),
                                          new: String(decoding: formatted, as: UTF8.self), path: shownPath)
            output.write(diff, to: .standardOutput)
            return ExitStatus.usage
        }
        if path == Self.standardInput {
            output.write(String(decoding: formatted, as: UTF8.self), to: .standardOutput)
            return ExitStatus.success
        }
        // An unchanged file is not rewritten: its time stamp and inode stay.
        guard formatted != original else { return ExitStatus.success }
        if let error = AtomicFileWriter.replace(path, with: formatted) {
            output.write("flex: \(error)\n", to: .standardError)
            return ExitStatus.usage
        }
        return ExitStatus.success
    }
}
