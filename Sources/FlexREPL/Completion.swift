// The answer to one Tab: what to insert at the cursor, and the candidates to list on a second Tab.

public struct Completion: Equatable, Sendable {
    /// Text to insert at the cursor (the common prefix beyond what is typed; a trailing space when unique).
    public var insertion: String
    /// The candidates to list on a second Tab, sorted and without duplicates (at most `listLimit`).
    public var candidates: [String]
    /// How many candidates matched in all, duplicates included; more than `candidates` when cut.
    public var matchCount: Int

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
        var matches: [String] = []
        var firstBytes: [UInt8] = []
        var commonLength = 0
        var allIdentical = true
        for candidate in candidates where candidate.hasPrefix(word) {
            if matches.isEmpty {
                firstBytes = Array(candidate.utf8)
                commonLength = firstBytes.count
            } else {
                var length = 0
                for byte in candidate.utf8 {
                    if length >= commonLength || byte != firstBytes[length] { break }
                    length += 1
                }
                if length != firstBytes.count || candidate.utf8.count != firstBytes.count { allIdentical = false }
                commonLength = length
            }
            matches.append(candidate)
        }
        guard let first = matches.first else { return .none }
        let wordLength = word.utf8.count
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
        var listed = Array(Set(matches.prefix(listLimit * 2)))
        listed.sort()
        return Completion(insertion: insertion, candidates: Array(listed.prefix(listLimit)), matchCount: matches.count)
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

extension Substring {
    func commonPrefix(with other: String) -> Substring {
        var end = startIndex
        var otherIndex = other.startIndex
        while end < endIndex, otherIndex < other.endIndex, self[end] == other[otherIndex] {
            end = index(after: end)
            otherIndex = other.index(after: otherIndex)
        }
        return self[startIndex..<end]
    }
}
