// Runs the built `flex` binary on a file (through FlexTestSupport's ProcessRunner, as the
// end-to-end tests do) and captures its exit code and stderr; writes generated scripts.
import FlexTestSupport
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
    static let binary = FileSystem.builtProductsDirectory + "/flex"

    /// `flex ARGUMENTS` with stderr captured, killed after `timeoutSeconds`.
    static func run(_ arguments: [String], timeoutSeconds: Int = 300) -> FlexOutcome {
        do {
            let result = try ProcessRunner.run(binary, arguments, timeoutSeconds: timeoutSeconds)
            return FlexOutcome(exitCode: result.exitCode, stderr: result.stderr, timedOut: result.timedOut)
        } catch {
            return FlexOutcome(exitCode: -1, stderr: "cannot start \(binary): \(error)", timedOut: false)
        }
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
        FileSystem.list(directory).filter { $0.hasSuffix(".flex") }
    }
}
