// Runs the built `flex` binary on a file and captures its exit code and stderr (no Foundation);
// the binary-locating approach is the one in Tests/EndToEndTests/Flex.swift.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

struct FlexOutcome: Sendable {
    /// The exit status, or 128 + signal number when a signal (a crash, a timeout kill) ended it.
    var exitCode: Int32
    var stderr: String
    var timedOut: Bool
}

enum FlexProcess {
    /// The repository root: this file is Tests/MalformedInputTests/FlexProcess.swift.
    static let root: String = {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// SwiftPM puts `flex` beside the test executable.
    static let binary: String = {
        var parts = (readLink("/proc/self/exe") ?? "").split(separator: "/", omittingEmptySubsequences: false)
        if !parts.isEmpty { parts.removeLast() }
        while let last = parts.last, last.hasSuffix(".xctest") || last == "Contents" || last == "MacOS" { parts.removeLast() }
        return parts.joined(separator: "/") + "/flex"
    }()

    /// `flex ARGUMENTS` with stdout discarded and stderr captured, killed after `timeoutSeconds`.
    static func run(_ arguments: [String], timeoutSeconds: Int = 300) -> FlexOutcome {
        var template = Array("/tmp/flex-malformed-stderr-XXXXXX".utf8CString)
        let stderrFD = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard stderrFD >= 0 else { return FlexOutcome(exitCode: -1, stderr: "mkstemp failed", timedOut: false) }
        let stderrPath = cString(template)
        defer { close(stderrFD); unlink(stderrPath) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stderrFD, 2)
        var argv: [UnsafeMutablePointer<CChar>?] = ([binary] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, binary, &actions, nil, &argv, environ) == 0 else {
            return FlexOutcome(exitCode: -1, stderr: "cannot start \(binary)", timedOut: false)
        }
        let (code, timedOut) = wait(for: pid, timeoutSeconds: timeoutSeconds)
        return FlexOutcome(exitCode: code, stderr: readFile(stderrPath), timedOut: timedOut)
    }

    private static func wait(for pid: pid_t, timeoutSeconds: Int) -> (Int32, Bool) {
        var waited = 0
        var timedOut = false
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                let signal = status & 0x7f
                return (signal == 0 ? (status >> 8) & 0xff : 128 + signal, timedOut)
            }
            if result == -1 && errno != EINTR { return (-1, timedOut) }
            if !timedOut && waited > timeoutSeconds * 1000 {
                timedOut = true
                kill(pid, SIGKILL)
            }
            usleep(2000)
            waited += 2
        }
    }

    static func readFile(_ path: String) -> String {
        guard let file = fopen(path, "rb") else { return "" }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes `bytes` to a new temporary `.flex` file and returns its path.
    static func writeTemporary(_ bytes: [UInt8], name: String) -> String? {
        var template = Array("/tmp/flex-malformed-\(name)-XXXXXX.flex".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 5) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard written > 0 else { return nil }
            offset += written
        }
        return cString(template)
    }

    static func cString(_ characters: [CChar]) -> String {
        String(decoding: characters.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func list(_ directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasSuffix(".flex") { names.append(name) }
        }
        return names.sorted()
    }

    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
