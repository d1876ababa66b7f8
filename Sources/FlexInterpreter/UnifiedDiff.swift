// A unified diff of two texts by lines (`flex fmt --check`), with the usual `---`/`+++` header and `@@` hunks.

public struct UnifiedDiff {
    /// Lines of context around each change.
    static let context = 3
    /// Past this many line pairs in the changed middle, the middle is shown as one replacement
    /// instead of a minimal diff (the table would grow quadratically).
    static let maximumTableCells = 4_000_000

    enum Edit: Equatable {
        case same(Int, Int), removed(Int), added(Int)
    }

    let old: [Substring]
    let new: [Substring]

    /// The diff from `old` to `new`, labelled with `path`; empty when they are equal.
    public static func render(old: String, new: String, path: String) -> String {
        guard old != new else { return "" }
        let diff = UnifiedDiff(old: lines(old), new: lines(new))
        return "--- \(path)\n+++ \(path) (formatted)\n" + diff.hunks(diff.edits())
    }

    static func lines(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The edit script: common prefix and suffix kept, the middle by longest common subsequence.
    func edits() -> [Edit] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        var edits = (0..<prefix).map { Edit.same($0, $0) }
        edits += middle(old: prefix..<(old.count - suffix), new: prefix..<(new.count - suffix))
        edits += (0..<suffix).map { Edit.same(old.count - suffix + $0, new.count - suffix + $0) }
        return edits
    }

    private func middle(old a: Range<Int>, new b: Range<Int>) -> [Edit] {
        guard a.count * b.count <= Self.maximumTableCells, !a.isEmpty, !b.isEmpty else {
            return a.map { Edit.removed($0) } + b.map { Edit.added($0) }
        }
        // lengths[i][j]: the longest common subsequence of old[a.lower + i...] and new[b.lower + j...].
        let width = b.count + 1
        var lengths = [Int32](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i * width + j] = old[a.lowerBound + i] == new[b.lowerBound + j]
                    ? lengths[(i + 1) * width + j + 1] + 1
                    : max(lengths[(i + 1) * width + j], lengths[i * width + j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, old[a.lowerBound + i] == new[b.lowerBound + j] {
                edits.append(.same(a.lowerBound + i, b.lowerBound + j)); i += 1; j += 1
            } else if i < a.count, j == b.count || lengths[(i + 1) * width + j] >= lengths[i * width + j + 1] {
                // Removals before additions, as diff prints them.
                edits.append(.removed(a.lowerBound + i)); i += 1
            } else {
                edits.append(.added(b.lowerBound + j)); j += 1
            }
        }
        return edits
    }
}
