// Groups an edit script into `@@ -l,n +l,n @@` hunks with three lines of context.

extension UnifiedDiff {
    func hunks(_ edits: [Edit]) -> String {
        let changed = edits.indices.filter { if case .same = edits[$0] { return false } else { return true } }
        var text = ""
        var index = 0
        while index < changed.count {
            // A hunk runs from the first change to the last one less than 2×context unchanged lines from the next.
            var last = index
            while last + 1 < changed.count, changed[last + 1] - changed[last] <= 2 * Self.context { last += 1 }
            let start = max(0, changed[index] - Self.context)
            let end = min(edits.count, changed[last] + Self.context + 1)
            text += hunk(edits[start..<end])
            index = last + 1
        }
        return text
    }

    private func hunk(_ edits: ArraySlice<Edit>) -> String {
        var body = ""
        var oldStart: Int?, newStart: Int?
        var oldCount = 0, newCount = 0
        for edit in edits {
            switch edit {
            case .same(let o, let n):
                oldStart = oldStart ?? o; newStart = newStart ?? n
                oldCount += 1; newCount += 1
                body += " " + old[o] + "\n"
            case .removed(let o):
                oldStart = oldStart ?? o
                oldCount += 1
                body += "-" + old[o] + "\n"
            case .added(let n):
                newStart = newStart ?? n
                newCount += 1
                body += "+" + new[n] + "\n"
            }
        }
        // An empty side (the whole file was empty, or became empty) is numbered 0, as diff does.
        let oldLine = oldCount == 0 ? 0 : (oldStart ?? 0) + 1
        let newLine = newCount == 0 ? 0 : (newStart ?? 0) + 1
        return "@@ -\(oldLine),\(oldCount) +\(newLine),\(newCount) @@\n" + body
    }
}
