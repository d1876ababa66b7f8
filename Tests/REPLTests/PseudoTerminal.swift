// Runs the built `flex` on a real pseudo-terminal: keystrokes go in, the screen's text comes out,
// so the REPL is tested the way a person uses it (libedit, Tab, arrows, Ctrl-C, Ctrl-D).
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// glibc's POSIX_SPAWN_SETSID and posix_spawn_file_actions_addchdir_np (2.29+), which the Glibc
/// module does not export.
private let spawnSetSID: Int32 = 0x80
/// TIOCSPTLCK and TIOCGPTN (function-like macros, so not imported); the same on x86_64 and arm64.
private let ptyUnlock: UInt = 0x4004_5431
private let ptyNumber: UInt = 0x8004_5430
@_silgen_name("posix_spawn_file_actions_addchdir_np")
private func spawnAddChdir(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ path: UnsafePointer<CChar>) -> Int32

struct PseudoTerminalError: Error, CustomStringConvertible {
    var description: String
}

final class PseudoTerminal {
    let master: Int32
    let pid: pid_t
    /// Everything the child wrote so far, with escape sequences removed.
    private(set) var transcript = ""
    /// The same, as written (colour codes and all).
    private(set) var rawTranscript = ""
    private var exitStatus: Int32?

    init(_ executable: String, _ arguments: [String], environment: [String: String], directory: String) throws {
        // /dev/ptmx directly: Swift's Glibc module does not export posix_openpt/ptsname.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, ptyUnlock, &unlock) == 0, ioctl(master, ptyNumber, &number) == 0 else {
            throw PseudoTerminalError(description: "cannot open a pseudo-terminal")
        }
        let slaveName = "/dev/pts/\(number)"
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After setsid the child has no terminal; opening the slave makes it the controlling one.
        posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        _ = spawnAddChdir(&actions, directory)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(spawnSetSID))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw PseudoTerminalError(description: "posix_spawn failed: \(result)") }
        pid = child
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    func send(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { write(master, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 { break }
            offset += written
        }
    }

    static let tab = "\t", ctrlC = "\u{03}", ctrlD = "\u{04}", up = "\u{1B}[A", enter = "\r"

    /// Reads until `needle` appears in the transcript after `from`, or the timeout passes.
    @discardableResult
    func waitFor(_ needle: String, after from: String.Index? = nil, timeoutMilliseconds: Int = 10_000) throws -> String {
        var waited = 0
        while true {
            let region = from.map { transcript[$0...] } ?? transcript[...]
            if region.contains(needle) { return transcript }
            guard waited < timeoutMilliseconds else {
                throw PseudoTerminalError(description: "timed out waiting for \(needle.debugDescription); screen so far:\n\(transcript)")
            }
            pump(milliseconds: 50)
            waited += 50
        }
    }

    /// Waits until the REPL is idle at a fresh prompt (the screen ends with it), so keys that the
    /// line discipline would treat differently before libedit takes the terminal (Ctrl-D) land in libedit.
    func waitForPrompt(_ prompt: String = "flex> ", timeoutMilliseconds: Int = 10_000) throws {
        var waited = 0
        while !transcript.hasSuffix(prompt) {
            guard waited < timeoutMilliseconds else {
                throw PseudoTerminalError(description: "no prompt; screen so far:\n\(transcript)")
            }
            pump(milliseconds: 20)
            waited += 20
        }
        settle(milliseconds: 100)
    }

    /// Collects output for a while (used before asserting that something did NOT appear).
    func settle(milliseconds: Int = 300) {
        var waited = 0
        while waited < milliseconds {
            pump(milliseconds: 50)
            waited += 50
        }
    }

    var end: String.Index { transcript.endIndex }

    /// Ctrl-D at the prompt until the REPL leaves: a Ctrl-D that lands in the instant before
    /// libedit puts the terminal in raw mode is taken by the line discipline instead.
    func quitWithCtrlD() throws -> Int32 {
        for _ in 0..<5 {
            send(Self.ctrlD)
            if let status = try? waitForExit(timeoutMilliseconds: 2_000) { return status }
        }
        return try waitForExit()
    }

    /// Waits for the child to exit and returns its status (128 + signal when killed).
    func waitForExit(timeoutMilliseconds: Int = 10_000) throws -> Int32 {
        if let exitStatus { return exitStatus }
        var waited = 0
        var lastResult: pid_t = 0
        while waited <= timeoutMilliseconds {
            pump(milliseconds: 20)
            var status: Int32 = 0
            lastResult = waitpid(pid, &status, WNOHANG)
            if lastResult == pid {
                let code = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
                exitStatus = code
                pump(milliseconds: 20)
                return code
            }
            waited += 20
        }
        throw PseudoTerminalError(description: "flex did not exit (waitpid \(lastResult), errno \(errno)); screen:\n\(transcript)")
    }

    /// Reads what is available within `milliseconds`; always takes about that long when nothing
    /// arrives, also after the child closed the terminal (poll then reports a hang-up at once).
    private func pump(milliseconds: Int) {
        let deadline = Self.now() + milliseconds
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        if poll(&descriptor, 1, Int32(milliseconds)) > 0, descriptor.revents & Int16(POLLIN) != 0 {
            var buffer = [UInt8](repeating: 0, count: 8192)
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count > 0 {
                let text = String(decoding: buffer[0..<count], as: UTF8.self)
                rawTranscript += text
                transcript += Self.stripEscapes(text)
                return
            }
        }
        let left = deadline - Self.now()
        if left > 0 { usleep(useconds_t(left * 1000)) }
    }

    static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return time.tv_sec * 1000 + time.tv_nsec / 1_000_000
    }

    /// Removes ANSI/VT100 control sequences and carriage returns, keeping the text a person would read.
    static func stripEscapes(_ text: String) -> String {
        var out = ""
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            switch scalar {
            case "\u{1B}":
                guard let next = iterator.next() else { return out }
                if next == "[" {
                    while let c = iterator.next(), !(0x40...0x7E).contains(c.value) {}
                } else if next == "]" {
                    while let c = iterator.next(), c != "\u{07}" {}
                }
            case "\r", "\u{07}":
                continue
            case "\u{08}":
                if !out.isEmpty { out.removeLast() }
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
