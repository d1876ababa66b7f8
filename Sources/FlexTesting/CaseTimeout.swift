// `flex test --timeout DURATION`: how long one case may run on the wall clock, as written on the
// command line (`3s`, `500ms`, `2m`, plain seconds) and as reports word it ("timed out after 3s").

public struct CaseTimeout: Sendable, Equatable {
    public var milliseconds: Int

    /// The limit when `--timeout` is not given.
    public static let standard = CaseTimeout(milliseconds: 60_000)

    public init(milliseconds: Int) {
        self.milliseconds = milliseconds
    }

    /// `3s`, `500ms`, `2m`, `1h` or plain seconds (`3`); nil when malformed. `0` means no limit,
    /// which is a valid parse (milliseconds 0): `isUnlimited` says so.
    public init?(parsing text: String) {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9, let amount = Int(digits) else { return nil }
        let unitMilliseconds: Int
        switch text.dropFirst(digits.count) {
        case "", "s": unitMilliseconds = 1000
        case "ms": unitMilliseconds = 1
        case "m": unitMilliseconds = 60_000
        case "h": unitMilliseconds = 3_600_000
        default: return nil
        }
        milliseconds = amount * unitMilliseconds
    }

    public var isUnlimited: Bool { milliseconds == 0 }

    public var duration: Duration { .milliseconds(milliseconds) }

    /// The shortest exact wording: `500ms`, `3s`, `2m`.
    public var text: String {
        guard milliseconds % 1000 == 0 else { return "\(milliseconds)ms" }
        let seconds = milliseconds / 1000
        guard seconds >= 60, seconds % 60 == 0 else { return "\(seconds)s" }
        return "\(seconds / 60)m"
    }
}
