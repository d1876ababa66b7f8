// `flex fmt [--check] [FILE|DIR… | -]`: the canonical layout for scripts (docs/language.md, "Formatting").
import ArgumentParser
import FlexInterpreter
import FlexTesting

struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Format scripts in place (a directory: every .flex file under it; '-' or nothing: standard input to standard output).")

    @Flag(help: "Change nothing: print a diff for each file that is not formatted and exit 1 if there is one.")
    var check = false

    @Option(help: "How to show errors: full or short.")
    var diagnostics: DiagnosticsOption = .full

    @Argument(help: "Scripts or directories to format ('-' reads standard input).")
    var paths: [String] = []

    func execute(output: StandardOutputSink) -> Int32 {
        let runner = FormatRunner(output: output, style: diagnostics.style, color: colorDiagnostics())
        let inputs = paths.isEmpty ? [FormatRunner.Input(path: FormatRunner.standardInput)] : paths.flatMap(Self.inputs)
        return runner.run(inputs, check: check)
    }

    /// A directory stands for the `.flex` files under it, in name order (hidden folders skipped,
    /// links to directories not followed); anything else is formatted as given.
    static func inputs(_ path: String) -> [FormatRunner.Input] {
        guard path != FormatRunner.standardInput, TestFileSystem.kind(of: path) == .directory else {
            return [FormatRunner.Input(path: path)]
        }
        return scripts(under: path).map { FormatRunner.Input(path: $0, foundInDirectory: true) }
    }

    static func scripts(under path: String) -> [String] {
        var found: [String] = []
        for name in TestFileSystem.list(path) where !name.hasPrefix(".") {
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            switch TestFileSystem.kind(of: child, followLinks: false) {
            case .directory: found += scripts(under: child)
            case .file where name.hasSuffix(".flex"): found.append(child)
            default: continue
            }
        }
        return found
    }
}
