// Escaping for server-rendered HTML: every piece of text or attribute value goes through here.

enum HTML {
    /// `&`, `<`, `>`, `"` and `'` as character references, so text from a session (product names are
    /// a merchant's, or anyone's, input) can sit in element content and in quoted attribute values.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.unicodeScalars.append(character)
            }
        }
        return output
    }

    /// A URL the page may link or redirect to: http or https only (a `javascript:` cancel_url must
    /// not become a link), without control characters or spaces (which a Location header cannot carry).
    static func isNavigable(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        return url.utf8.allSatisfy { $0 > 0x20 && $0 != 0x7F }
    }
}
