// A rough scan of the text before the Tab: enough structure for completion, without parsing.

/// A rough scan of the text before the cursor: the current statement's words (strings and
/// bracketed values skipped), the word being typed, and an unterminated string if the cursor is in one.
struct StatementScan {
    var words: [String] = []
    var currentWord = ""
    var openString: String?

    init(_ text: String) {
        var word = ""
        var inString = false
        var stringText = ""
        var escaped = false
        func flush() {
            if !word.isEmpty { words.append(word) }
            word = ""
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
            case ";", "{", "}", "\n":
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
        // Comparisons (`==`) are not the `=` of a let.
        words = words.reduce(into: [String]()) { result, word in
            if word == "=", result.last == "=" { result[result.count - 1] = "==" } else { result.append(word) }
        }
    }
}
