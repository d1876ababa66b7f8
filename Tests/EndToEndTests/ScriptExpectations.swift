// The inline expectations of a .flex test script: `# expect: …`, `# expect error: L:C: …`, `# expect exit: N`.

/// The expectations a script carries in its comments.
struct ScriptExpectations: Equatable {
    /// Every stdout line, in order.
    var stdout: [String] = []
    /// Diagnostics that must appear on stderr, as `L:C: message`.
    var errors: [String] = []
    var exitCode: Int32?

    /// The exit code to check: the written one, else 0 without expected errors.
    var expectedExit: Int32? { exitCode ?? (errors.isEmpty ? 0 : nil) }

    static let outputMarker = "# expect:"
    static let errorMarker = "# expect error:"
    static let exitMarker = "# expect exit:"

    /// Reads the markers anywhere on a line, so `print 1   # expect: 1` works too.
    init(source: String) {
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if let text = Self.value(after: Self.outputMarker, in: line) {
                stdout.append(text)
            } else if let text = Self.value(after: Self.errorMarker, in: line) {
                errors.append(text)
            } else if let text = Self.value(after: Self.exitMarker, in: line), let code = Int32(text) {
                exitCode = code
            }
        }
    }

    /// The text after `marker` (one separating space dropped), or nil when the line lacks it.
    private static func value(after marker: String, in line: Substring) -> String? {
        guard let range = line.firstRange(of: marker) else { return nil }
        var rest = line[range.upperBound...]
        if rest.first == " " { rest = rest.dropFirst() }
        if rest.last == "\r" { rest = rest.dropLast() }
        return String(rest)
    }
}
