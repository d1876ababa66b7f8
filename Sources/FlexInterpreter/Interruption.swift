// Ctrl-C while a command runs: the REPL's SIGINT handler raises this flag, and the interpreter
// checks it between statements and loop iterations, so the entry stops and the prompt returns.
import Synchronization

public enum Interruption {
    private static let flag = Atomic<Bool>(false)

    /// Safe to call from a signal handler (a lock-free store), once `clear()` has run at least once.
    public static func request() { flag.store(true, ordering: .relaxed) }
    public static func clear() { flag.store(false, ordering: .relaxed) }
    public static var isRequested: Bool { flag.load(ordering: .relaxed) }
}
