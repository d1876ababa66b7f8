// Fuzz target: every input that parses is formatted twice; the second pass must change nothing and
// the formatted script must parse to the same tree (positions aside). A difference traps: a finding.
import FlexLanguage

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormat(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let file = SourceFile(id: FileID(rawValue: 0), path: "fuzz.flex", bytes: bytes)
    guard case .success(let formatted) = Formatter.format(file) else { return 0 }
    let again = SourceFile(id: FileID(rawValue: 0), path: "fuzz.flex", bytes: formatted)
    guard case .success(let twice) = Formatter.format(again) else {
        fatalError("the formatted script does not parse:\n\(String(decoding: formatted, as: UTF8.self))")
    }
    guard twice == formatted else {
        fatalError("formatting is not idempotent:\n\(String(decoding: formatted, as: UTF8.self))\n---\n\(String(decoding: twice, as: UTF8.self))")
    }
    let before = SyntaxShape.of(Parser.parse(file).program)
    let after = SyntaxShape.of(Parser.parse(again).program)
    guard before == after else { fatalError("the tree changed:\n\(before)\n---\n\(after)") }
    return 0
}
