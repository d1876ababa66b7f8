// SIGINT and SIGTERM during `flex run` and `flex test`: instead of dying mid-line, the process
// raises Interruption's flag; the interpreter stops at its next step, `flex test` cancels its
// cases and still writes its summary and reports, and main flushes stdout and exits 130.
import FlexInterpreter
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

enum InterruptSignals {
    /// Installs the handlers. Each fires once (SA_RESETHAND): a second Ctrl-C ends the process
    /// the ordinary way, should a run not stop.
    static func install() {
        Interruption.clear()  // initializes the flag, so the handler only stores to it
        for signal in [SIGINT, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in Interruption.request() }
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }
}
