// `matches "literal"` (the operator and the record-pattern form): the pattern is compiled at
// check time, so an unsupported feature or a typo is reported with a caret under it before the
// script runs. A pattern built at run time is checked when it is first used.
import FlexRegex

extension Checker.Pass {
    /// Reports the first problem of a literal pattern without interpolation; other expressions pass.
    mutating func checkRegexLiteral(_ pattern: ExpressionReference) {
        guard case .string(let segments) = tree.node(pattern) else { return }
        var text = ""
        for position in segments.positions {
            guard case .text(let piece) = tree.segments[position] else { return }
            text += tree.string(piece)
        }
        do {
            try LinearRegex.validate(text)
        } catch {
            let literal = tree.span(pattern)
            report("invalid regular expression: \(error.message)", at: caretSpan(error, in: literal), help: error.help)
        }
    }

    /// The part of the literal the error is about when the literal's source spells the pattern
    /// byte for byte after its quote; otherwise (escapes such as `\\d` are two source bytes for
    /// one pattern byte) the whole literal, so the caret is never misplaced.
    private func caretSpan(_ error: RegexSyntaxError, in literal: SourceSpan) -> SourceSpan {
        let source = sourceText(literal).utf8
        guard source.count >= 2, source.first == UInt8(ascii: "\"") else { return literal }
        let body = source.dropFirst().dropLast()
        var sourceOffset = 0
        var patternOffset = 0
        var mapped: [Int: Int] = [:]
        var index = body.startIndex
        // Walk the body, mapping each pattern byte offset to its source offset; `\x` escapes of the
        // string literal are two source bytes for one pattern byte, `\u{…}` is not mapped.
        while index < body.endIndex {
            mapped[patternOffset] = sourceOffset
            let byte = body[index]
            if byte == UInt8(ascii: "\\") {
                let next = body.index(after: index)
                guard next < body.endIndex, body[next] != UInt8(ascii: "u") else { return literal }
                index = body.index(after: next)
                sourceOffset += 2
            } else {
                index = body.index(after: index)
                sourceOffset += 1
            }
            patternOffset += 1
        }
        mapped[patternOffset] = sourceOffset
        guard let start = mapped[error.start], let end = mapped[error.end] else { return literal }
        let base = literal.start + 1
        return SourceSpan(file: literal.file, start: base + start, end: base + max(end, start + (error.end > error.start ? 1 : 0)))
    }
}
