// Where a run writes: the process's stdout/stderr, or a buffer in tests.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public enum OutputStream: Sendable {
    case standardOutput, standardError
}

public protocol OutputSink: AnyObject {
    func write(_ text: String, to stream: OutputStream)
    /// Pushes buffered output out (the REPL calls it before reading the next line).
    func flush()
}

extension OutputSink {
    public func flush() {}
}

/// Writes through C stdio: stdout stays buffered (fast loops of `print`), and is flushed before
/// anything goes to stderr so the two interleave in order on a terminal.
/// Opens its own stdio streams on descriptors 1 and 2 (the C globals `stdout`/`stderr` are
/// shared mutable state to Swift 6); nothing else in the process writes to them.
public final class StandardOutputSink: OutputSink {
    private let out: UnsafeMutablePointer<FILE>?
    private let err: UnsafeMutablePointer<FILE>?

    public init() {
        out = fdopen(1, "w")
        err = fdopen(2, "w")
    }

    deinit { flush() }

    public func write(_ text: String, to stream: OutputStream) {
        switch stream {
        case .standardOutput:
            if let out { fputs(text, out) }
        case .standardError:
            if let out { fflush(out) }
            if let err {
                fputs(text, err)
                fflush(err)
            }
        }
    }

    public func flush() {
        if let out { fflush(out) }
        if let err { fflush(err) }
    }
}

/// Keeps everything written, for tests and for embedding.
public final class CapturingOutputSink: OutputSink {
    public private(set) var standardOutput = ""
    public private(set) var standardError = ""

    public init() {}

    public func write(_ text: String, to stream: OutputStream) {
        switch stream {
        case .standardOutput: standardOutput += text
        case .standardError: standardError += text
        }
    }
}
