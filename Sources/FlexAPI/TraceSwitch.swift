// How much of each exchange to show on stderr: nothing, one line per attempt (`-v`, `.trace on`),
// or the bodies too (`-vv`). A switch the REPL can flip while the backend keeps running.
import Synchronization

public final class TraceSwitch: Sendable {
    public enum Level: Int, Sendable, Comparable {
        case off = 0
        /// Method, path, status, duration, attempt and Idempotency-Key.
        case exchanges = 1
        /// Also the request and response bodies.
        case bodies = 2

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    private let state: Atomic<Int>

    public init(_ level: Level = .off) { state = Atomic(level.rawValue) }

    public var level: Level {
        get { Level(rawValue: state.load(ordering: .relaxed)) ?? .off }
        set { state.store(newValue.rawValue, ordering: .relaxed) }
    }

    /// The process's switch: set by `--verbose`, flipped by the REPL's `.trace`.
    public static let process = TraceSwitch()
}
