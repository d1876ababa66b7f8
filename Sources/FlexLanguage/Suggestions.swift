// Did-you-mean: the closest candidate by edit distance, used by every "unknown …" diagnostic.

public enum Suggestions {
    /// The candidate closest to `word`, or nil when none is close enough to be a likely typo.
    ///
    /// Distance is the optimal-string-alignment edit distance (insert, delete, substitute, swap two
    /// neighbours) over Unicode scalars, compared case-insensitively first so `Email` finds `email`.
    /// A candidate qualifies within `max(1, length / 3)` edits (rustc's rule of thumb). Ties go to
    /// the alphabetically smallest candidate so the answer never depends on hash order.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.unicodeScalars)
        guard !target.isEmpty else { return nil }
        let lowered = Array(word.lowercased().unicodeScalars)
        let limit = max(1, target.count / 3)
        var best: (distance: Int, candidate: String)?
        for candidate in candidates where candidate != word {
            let scalars = Array(candidate.lowercased().unicodeScalars)
            guard abs(scalars.count - lowered.count) <= limit else { continue }
            // Differing only in case is as close as it gets.
            let distance = scalars == lowered ? 0 : editDistance(lowered, scalars, limit: limit)
            guard distance <= limit else { continue }
            if let current = best, current.distance < distance || (current.distance == distance && current.candidate <= candidate) {
                continue
            }
            best = (distance, candidate)
        }
        return best?.candidate
    }

    /// Optimal-string-alignment distance; returns `limit + 1` early once every cell of a row exceeds `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
