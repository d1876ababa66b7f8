// Runs a child process (the built flex, flex serve, a shell) with posix_spawn (no Foundation), capturing stdout and stderr through temp
// files and killing it after a timeout, so a hung `flex` fails one test instead of the whole run.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What a finished child process left behind.
public struct ProcessResult: Sendable {
    /// The exit status, or 128 + signal number when a signal ended it.
    public var exitCode: Int32
    public var stdout: String
    public var stderr: String
    public var timedOut: Bool

    /// stdout split into lines, without the final newline's empty element.
    public var stdoutLines: [String] { ProcessRunner.lines(of: stdout) }
    public var stderrLines: [String] { ProcessRunner.lines(of: stderr) }
}

public enum ProcessRunnerError: Error, CustomStringConvertible {
    case spawnFailed(path: String, errno: Int32)
    case tempFileFailed(errno: Int32)

    public var description: String {
        switch self {
        case .spawnFailed(let path, let code): "posix_spawn \(path) failed: \(String(cString: strerror(code)))"
        case .tempFileFailed(let code): "cannot create a temp file: \(String(cString: strerror(code)))"
        }
    }
}

public enum ProcessRunner {
    /// Runs `executable` (an absolute path; a `#!` script works too) with `arguments`.
    /// - environment: changes to this process's environment; a nil value removes the variable.
    /// - stdin: bytes for the child's standard input (empty input when nil).
    /// - directory: the child's working directory.
    public static func run(
        _ executable: String,
        _ arguments: [String],
        stdin: String? = nil,
        environment: [String: String?] = [:],
        directory: String? = nil,
        stderrIsTerminal: Bool = false,
        timeoutSeconds: Int = 30
    ) throws -> ProcessResult {
        let child = try start(executable, arguments, stdin: stdin, environment: environment, directory: directory,
                              stderrIsTerminal: stderrIsTerminal)
        return child.wait(timeoutSeconds: timeoutSeconds)
    }

    /// Starts `executable` like `run` does, without waiting: the caller can watch its output
    /// and signal it before it `wait`s (the SIGINT/SIGTERM tests).
    public static func start(
        _ executable: String,
        _ arguments: [String],
        stdin: String? = nil,
        environment: [String: String?] = [:],
        directory: String? = nil,
        stderrIsTerminal: Bool = false
    ) throws -> ChildProcess {
        let files = try ChildProcess.Files(stdin: stdin ?? "", stderrIsTerminal: stderrIsTerminal)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, files.stdin.path, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, files.stdout.path, O_WRONLY | O_TRUNC, 0)
        // A pseudo-terminal for stderr when the test needs the child to see a TTY there.
        if let terminal = files.terminal {
            posix_spawn_file_actions_addopen(&actions, 2, terminal.replicaPath, O_RDWR | O_NOCTTY, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, files.stderr.path, O_WRONLY | O_TRUNC, 0)
        }
        var executable = executable
        var arguments = arguments
        if let directory {
            if let addChdir = addChdirAction {
                _ = addChdir(&actions, directory)
            } else {
                // Older C libraries: let a shell change directory, then exec the program.
                arguments = ["-c", "cd \"$0\" && exec \"$@\"", directory, executable] + arguments
                executable = "/bin/sh"
            }
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Own process group, so a timeout kills the child and anything it started.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv = [executable] + arguments
        let envp = mergedEnvironment(environment)
        var pid: pid_t = 0
        let status = withCStrings(argv) { cArgv in
            withCStrings(envp) { cEnvp in
                posix_spawn(&pid, executable, &actions, &attributes, cArgv, cEnvp)
            }
        }
        guard status == 0 else {
            files.remove()
            throw ProcessRunnerError.spawnFailed(path: executable, errno: status)
        }
        return ChildProcess(pid: pid, files: files)
    }

    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?) -> Int32

    /// glibc's posix_spawn_file_actions_addchdir_np (2.29+), which its Swift module map hides.
    private static let addChdirAction: AddChdir? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    /// Polls for the child's exit (short sleeps first, since most runs take milliseconds).
    static func wait(for pid: pid_t, timeoutSeconds: Int) -> (Int32, Bool) {
        let deadline = monotonicNanoseconds() + UInt64(timeoutSeconds) * 1_000_000_000
        var pause: UInt64 = 200_000
        var timedOut = false
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return (decode(status), timedOut) }
            if result == -1 && errno != EINTR { return (-1, timedOut) }
            if !timedOut && monotonicNanoseconds() > deadline {
                timedOut = true
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
            }
            var request = timespec(tv_sec: 0, tv_nsec: Int(pause))
            nanosleep(&request, nil)
            pause = min(pause * 2, 20_000_000)
        }
    }

    /// The shell's convention: the exit status, or 128 + signal for a killed process.
    static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        if signal == 0 { return (status >> 8) & 0xff }
        return 128 + signal
    }

    public static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    public static func lines(of text: String) -> [String] {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts.removeLast() }
        return parts
    }

    /// This process's environment with `changes` applied, as `NAME=value` strings.
    public static func mergedEnvironment(_ changes: [String: String?]) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            let name = String(text.prefix { $0 != "=" })
            pointer += 1
            if let change = changes[name] {
                seen.insert(name)
                if let value = change { result.append("\(name)=\(value)") }
            } else {
                result.append(text)
            }
        }
        for (name, change) in changes.sorted(by: { $0.key < $1.key }) where !seen.contains(name) {
            if let value = change { result.append("\(name)=\(value)") }
        }
        return result
    }

    /// The value of an environment variable of this process.
    public static func environmentValue(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for pointer in pointers { free(pointer) } }
        return body(pointers)
    }
}
