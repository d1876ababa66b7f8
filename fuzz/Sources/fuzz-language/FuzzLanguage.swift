// Fuzz target: arbitrary bytes through the lexer, parser, checker and both diagnostic renderers.
import FlexLanguage

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLanguage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let sources = SourceManager()
    let file = sources.add(path: "fuzz.flex", bytes: bytes)
    let parsed = Parser.parse(file)
    let checked = Checker(sources: sources, loader: nil).check(parsed.program)
    let diagnostics = parsed.diagnostics + checked.diagnostics
    _ = DiagnosticRenderer(sources: sources, style: .full).render(diagnostics)
    _ = DiagnosticRenderer(sources: sources, style: .short).render(diagnostics)
    return 0
}
