// A rough scan of the text before the Tab: enough structure for completion, without parsing.

/// A rough scan of the text before the cursor: the current statement's words (a string or a
/// record literal is one word, brackets and `=` `:` `,` are words of their own), the word being
/// typed, and an unterminated string if the cursor is in one.
struct StatementScan {
    var words: [String] = []
    var currentWord = ""
    var openString: String?

    /// Statements whose `{` opens a block, not a record.
    static let blockKeywords: Set<String> = ["if", "else", "for", "repeat", "scenario", "def", "wait", "expect"]
    /// Words after which a `{` is always a record (`let r = {`, `f({`, `[{`, `== {`).
    static let valueStarters: Set<String> = ["=", "==", "!=", ":", "(", "[", ","]

    /// An open `{`: a block starts a new statement; a record is a value inside the current
    /// one, whose words come back (with the record as one word) when it closes.
    private enum Brace {
        case block
        case record(outer: [String])
    }

    init(_ text: String) {
        var word = ""
        var inString = false
        var stringText = ""
        var escaped = false
        var braces: [Brace] = []
        func flush() {
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        func open() {
            flush()
            let isRecord = words.last.map { Self.valueStarters.contains($0) } ?? false
                || (words.first.map { !Self.blockKeywords.contains($0) } ?? false)
            braces.append(isRecord ? .record(outer: words) : .block)
            words.removeAll()
        }
        func close() {
            flush()
            if case .record(let outer)? = braces.popLast() {
                words = outer + ["{…}"]
            } else {
                words.removeAll()
            }
        }
        for character in text {
            if inString {
                if escaped { escaped = false; stringText.append(character); continue }
                if character == "\\" { escaped = true; continue }
                if character == "\"" { inString = false; words.append("\"…\""); continue }
                stringText.append(character)
                continue
            }
            switch character {
            case "\"":
                flush()
                inString = true
                stringText = ""
            case "{":
                open()
            case "}":
                close()
            case ";", "\n":
                flush()
                words.removeAll()
            case "=", ":", "(", ")", "[", "]", ",":
                flush()
                words.append(String(character))
            case " ", "\t":
                flush()
            default:
                word.append(character)
            }
        }
        if inString {
            openString = stringText
        } else {
            currentWord = word
        }
        words = Self.mergingComparisons(words)
    }

    /// Comparisons (`==`, `!=`) are not the `=` of a let.
    static func mergingComparisons(_ words: [String]) -> [String] {
        words.reduce(into: [String]()) { result, word in
            if word == "=", let last = result.last, last == "=" || last == "!" {
                result[result.count - 1] = last + "="
            } else {
                result.append(word)
            }
        }
    }
}
