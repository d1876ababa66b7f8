// `len` of a string and `contains`/`in` on strings walk characters (grapheme clusters), which on
// a string near the 64 MiB limit takes long enough that Ctrl-C or a case's timeout must be able
// to stop it part-way; short strings take the standard library's path unchanged.
import FlexLanguage

extension Interpreter {
    /// Below this many bytes of work a text operation runs without polling (well under 1 ms).
    static let unpolledTextWork = 1 << 16

    /// `len(s)`: the number of characters, counted in steps that poll the run's interruption.
    func characterCount(_ text: String, span: SourceSpan) throws -> Int {
        guard text.utf8.count > Interpreter.unpolledTextWork else { return text.count }
        var poll = InterruptionPoll(interruption)
        var count = 0
        var index = text.startIndex
        while index < text.endIndex {
            index = text.index(after: index)
            count += 1
            if let cause = poll.tick() { throw Interpreter.interrupted(cause, at: span) }
        }
        return count
    }

    /// Whether `text` contains `part` as characters (what `String.contains` answers). A large
    /// search tries each starting character in turn and compares character by character,
    /// polling as it goes, so even the worst case (a long run of one letter searched for that run
    /// plus another letter, each try comparing megabytes) stops when asked.
    func textContains(_ text: String, _ part: String, span: SourceSpan) throws -> Bool {
        if part.isEmpty { return true }
        let work = text.utf8.count.multipliedReportingOverflow(by: max(1, part.utf8.count))
        guard work.overflow || work.partialValue > Interpreter.unpolledTextWork else { return text.contains(part) }
        var poll = InterruptionPoll(interruption)
        var start = text.startIndex
        while start < text.endIndex {
            var (inText, inPart) = (start, part.startIndex)
            while inPart < part.endIndex, inText < text.endIndex, text[inText] == part[inPart] {
                (inText, inPart) = (text.index(after: inText), part.index(after: inPart))
                if let cause = poll.tick() { throw Interpreter.interrupted(cause, at: span) }
            }
            if inPart == part.endIndex { return true }
            start = text.index(after: start)
            if let cause = poll.tick() { throw Interpreter.interrupted(cause, at: span) }
        }
        return false
    }
}
