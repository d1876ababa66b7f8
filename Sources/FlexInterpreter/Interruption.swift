// Why a run should stop early: Ctrl-C in the REPL, SIGINT/SIGTERM during `flex run`/`flex test`
// (the process-wide flag) or a `flex test` case past its timeout (one per interpreter). The
// interpreter polls both before every statement and loop iteration (two atomic loads), so any
// loop stops within a step; a signal handler may raise the process-wide one (a lock-free store).
import Synchronization

public final class Interruption: Sendable {
    /// What stopped the run; raw values are what the atomic holds.
    public enum Cause: UInt8, Sendable {
        /// A signal (Ctrl-C, SIGINT, SIGTERM).
        case interrupted = 1
        /// `flex test --timeout`: the case ran longer than it may.
        case timedOut = 2
    }

    private let state = Atomic<UInt8>(0)

    public init() {}

    /// The first request wins: a case that timed out stays timed out when a signal follows.
    public func request(_ cause: Cause) {
        _ = state.compareExchange(expected: 0, desired: cause.rawValue, ordering: .relaxed)
    }

    public func clear() { state.store(0, ordering: .relaxed) }

    /// Nil while the run may go on.
    public var cause: Cause? {
        let raw = state.load(ordering: .relaxed)
        return raw == 0 ? nil : Cause(rawValue: raw)
    }

    // MARK: - The process-wide flag (signals)

    /// Raised by the signal handlers; every interpreter in the process polls it.
    public static let process = Interruption()

    /// Safe to call from a signal handler (a lock-free store), once `clear()` has run at least once.
    public static func request() { process.request(.interrupted) }
    public static func clear() { process.clear() }
    public static var isRequested: Bool { process.cause != nil }
}
