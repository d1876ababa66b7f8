// How a caller asks a transport to give up on the request it has in flight (Ctrl-C, a signal)
// without a task race per request: the check travels down as a task-local, and a transport that
// honours it (HTTPFlex, RetryingBackend's waits) polls it while it waits.

public final class StopSignal: Sendable {
    /// Whether the caller asked to stop. Cheap and callable from any thread (an atomic load or two).
    public let isRaised: @Sendable () -> Bool

    public init(_ isRaised: @escaping @Sendable () -> Bool) {
        self.isRaised = isRaised
    }

    /// Set around one `send` by a caller that can be interrupted; nil when nothing can stop it.
    /// (An object, not a bare closure: a closure-typed task-local crashes the runtime here.)
    @TaskLocal public static var current: StopSignal?

    /// Whether the current task's caller asked to stop.
    public static var isRaised: Bool { current?.isRaised() ?? false }
}
