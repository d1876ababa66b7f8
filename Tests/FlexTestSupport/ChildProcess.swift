// A child process started by ProcessRunner.start: its output so far, signals, and the wait for
// its exit (with the same timeout and kill as ProcessRunner.run).
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

public final class ChildProcess {
    /// The temp files (and pseudo-terminal) the child's standard streams go to.
    struct Files {
        let stdin: TempFile
        let stdout: TempFile
        let stderr: TempFile
        let terminal: PseudoTerminal?

        init(stdin contents: String, stderrIsTerminal: Bool) throws {
            stdin = try TempFile(contents: contents)
            stdout = try TempFile(contents: "")
            stderr = try TempFile(contents: "")
            terminal = stderrIsTerminal ? try PseudoTerminal() : nil
        }

        func remove() {
            stdin.remove()
            stdout.remove()
            stderr.remove()
            terminal?.close()
        }
    }

    public let pid: pid_t
    let files: Files
    private var finished: ProcessResult?

    init(pid: pid_t, files: Files) {
        self.pid = pid
        self.files = files
    }

    deinit {
        if finished == nil { _ = wait(timeoutSeconds: 0) }
    }

    /// What the child wrote to stdout so far.
    public var stdoutSoFar: String { files.stdout.read() }

    /// What the child wrote to stderr so far (unbuffered in flex, so it shows progress).
    public var stderrSoFar: String { files.stderr.read() }

    /// Sends `signal` to the child alone (not its process group).
    public func send(_ signal: Int32) { kill(pid, signal) }

    /// Whether the child has installed a handler for `signal` (Linux: SigCgt in /proc/PID/status).
    public func catches(_ signal: Int32) -> Bool {
        guard let status = FileSystem.read("/proc/\(pid)/status"),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
              let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingPrefix(while: \.isWhitespace), radix: 16) else { return false }
        return mask & (1 << UInt64(signal - 1)) != 0
    }

    /// Polls until `condition` holds or `timeoutSeconds` pass; whether it held.
    public func waitUntil(timeoutSeconds: Int = 30, _ condition: () -> Bool) -> Bool {
        let deadline = ProcessRunner.monotonicNanoseconds() + UInt64(timeoutSeconds) * 1_000_000_000
        while ProcessRunner.monotonicNanoseconds() < deadline {
            if condition() { return true }
            var pause = timespec(tv_sec: 0, tv_nsec: 10_000_000)
            nanosleep(&pause, nil)
        }
        return condition()
    }

    /// Waits for the exit (killing the child after `timeoutSeconds`) and collects its output.
    public func wait(timeoutSeconds: Int = 30) -> ProcessResult {
        if let finished { return finished }
        let (exitCode, timedOut) = ProcessRunner.wait(for: pid, timeoutSeconds: timeoutSeconds)
        let stderr = files.terminal?.drain() ?? files.stderr.read()
        let result = ProcessResult(exitCode: exitCode, stdout: files.stdout.read(), stderr: stderr, timedOut: timedOut)
        files.remove()
        finished = result
        return result
    }
}
