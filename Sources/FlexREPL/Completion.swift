// The answer to one Tab: what to insert at the cursor, and the candidates to list on a second Tab.

public struct Completion: Equatable, Sendable {
    /// Text to insert at the cursor (the common prefix beyond what is typed; a trailing space when unique).
    public var insertion: String
    /// The candidates to list on a second Tab, sorted and without duplicates (at most `listLimit`).
    public var candidates: [String]
    /// How many candidates matched in all, duplicates included; more than `candidates` when cut.
    public var matchCount: Int
    /// One hint per candidate when any has one (what the session saw of an ID), else empty.
    public var hints: [String] = []
    /// Text that belongs after the cursor once the completion is unique (the `"` closing an
    /// `include` path); not inserted twice when it is already there.
    public var closing = ""
    /// Whether the cursor ends after `closing` (a file) or before it (a directory, to go on typing in).
    public var cursorAfterClosing = false

    public init(insertion: String, candidates: [String], matchCount: Int? = nil) {
        self.insertion = insertion
        self.candidates = candidates
        self.matchCount = matchCount ?? candidates.count
    }

    public static let none = Completion(insertion: "", candidates: [])

    /// A longer list is no use on a screen; and sorting it is what would cost the time.
    public static let listLimit = 500

    /// Builds the completion of `word` among `candidates`: one pass finds the matches and their
    /// common prefix (in UTF-8 bytes, no sorting), so it stays fast with tens of thousands of names.
    public static func of(_ word: String, among candidates: [String], addSpaceWhenUnique: Bool = true) -> Completion {
        let wordBytes = Array(word.utf8)
        let wordLength = wordBytes.count
        var kept: [String] = []
        var matchCount = 0
        var firstBytes: [UInt8] = []
        var commonLength = 0
        var allIdentical = true
        for candidate in candidates where candidate.utf8.starts(with: wordBytes) {
            matchCount += 1
            if matchCount == 1 {
                firstBytes = Array(candidate.utf8)
                commonLength = firstBytes.count
            } else if allIdentical || commonLength > wordLength {
                // Past the typed word nothing more can be shared once the prefix is down to it.
                var length = wordLength
                let bytes = candidate.utf8
                var index = bytes.index(bytes.startIndex, offsetBy: wordLength)
                while length < commonLength, index != bytes.endIndex, bytes[index] == firstBytes[length] {
                    length += 1
                    index = bytes.index(after: index)
                }
                if length != firstBytes.count || bytes.count != firstBytes.count { allIdentical = false }
                commonLength = length
            }
            if kept.count < listLimit * 2 { kept.append(candidate) }
        }
        guard let first = kept.first else { return .none }
        if allIdentical {
            let rest = String(decoding: firstBytes[wordLength...], as: UTF8.self)
            let suffix = addSpaceWhenUnique && !first.hasSuffix("/") && !first.hasSuffix(".") ? " " : ""
            return Completion(insertion: rest + suffix, candidates: [first], matchCount: 1)
        }
        // Never cut a multi-byte character in half.
        while commonLength > wordLength, commonLength < firstBytes.count, firstBytes[commonLength] & 0xC0 == 0x80 {
            commonLength -= 1
        }
        let insertion = commonLength > wordLength ? String(decoding: firstBytes[wordLength..<commonLength], as: UTF8.self) : ""
        var listed = Array(Set(kept))
        listed.sort()
        return Completion(insertion: insertion, candidates: Array(listed.prefix(listLimit)), matchCount: matchCount)
    }

    /// Hints for the listed candidates from what the session saw; none when no candidate has one.
    mutating func attachHints(from source: CompletionSource) {
        let found = candidates.map { source.hint(forID: $0) ?? "" }
        hints = found.contains { !$0.isEmpty } ? found : []
    }

    /// What a second Tab prints: one candidate a line with its hint when there are hints,
    /// otherwise columns that fit `width`.
    public func listing(width: Int) -> String {
        guard !hints.isEmpty else { return Self.columns(candidates, width: width) }
        let cell = (candidates.map(\.count).max() ?? 0) + 2
        return zip(candidates, hints).map { candidate, hint in
            hint.isEmpty ? candidate + "\n" : candidate + String(repeating: " ", count: cell - candidate.count) + hint + "\n"
        }.joined()
    }

    /// Candidates laid out in columns that fit `width`, each row ending in a newline.
    public static func columns(_ items: [String], width: Int) -> String {
        let cell = (items.map(\.count).max() ?? 0) + 2
        let perRow = max(1, width / max(1, cell))
        var out = ""
        for (index, item) in items.enumerated() {
            let isRowEnd = (index + 1) % perRow == 0 || index == items.count - 1
            out += isRowEnd ? item + "\n" : item + String(repeating: " ", count: cell - item.count)
        }
        return out
    }
}
