// Why a pattern was refused: a message, where in the pattern (UTF-8 offsets, so a checker can
// put a caret under the offending part of a string literal) and, when likely, a fix.

public struct RegexSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    /// UTF-8 offsets into the pattern of the part at fault (`start == end` for its very end).
    public let start: Int
    public let end: Int
    public let help: String?

    public init(_ message: String, start: Int, end: Int, help: String? = nil) {
        self.message = message
        self.start = start
        self.end = end
        self.help = help
    }

    public var description: String { message }
}
