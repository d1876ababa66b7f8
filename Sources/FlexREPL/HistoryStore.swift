// The REPL's persistent history: one file per user, 0600 in a 0700 directory, appended entry by
// entry so a killed process loses nothing already entered, and never holding an API key.
import FlexSync
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

public final class HistoryStore {
    public let path: String
    public let limit: Int
    public private(set) var entries: [String] = []

    /// `$XDG_STATE_HOME/flex/history`, else `~/.local/state/flex/history`; nil without HOME.
    public static func defaultPath(environment: (String) -> String? = HistoryStore.environmentValue) -> String? {
        if let state = environment("XDG_STATE_HOME"), state.hasPrefix("/") { return state + "/flex/history" }
        guard let home = environment("HOME"), !home.isEmpty else { return nil }
        return home + "/.local/state/flex/history"
    }

    public static func environmentValue(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    public init(path: String, limit: Int = 1000) {
        self.path = path
        self.limit = max(1, limit)
        load()
    }

    /// True when the text holds something that looks like a Flex API key (`fsk_…`, any case) or
    /// the configured key itself, which must never reach disk.
    public static func containsSecret(_ text: String) -> Bool {
        SecretRedaction.scrub(text) != text
    }

    /// Records an accepted entry: skipped when it repeats the previous one or holds a secret.
    /// Returns whether it was kept.
    @discardableResult
    public func append(_ entry: String) -> Bool {
        let trimmed = entry.trimmingWhitespace
        guard !trimmed.isEmpty, entries.last != entry, !Self.containsSecret(entry) else { return false }
        entries.append(entry)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        writeAppending(Self.encode(entry) + "\n")
        return true
    }

    // MARK: - File format: one entry per line; `\` and newline escaped so multi-line entries stay one entry.

    static func encode(_ entry: String) -> String {
        var out = ""
        for character in entry {
            switch character {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.append(character)
            }
        }
        return out
    }

    static func decode(_ line: Substring) -> String {
        var out = ""
        var escaping = false
        for character in line {
            if escaping {
                switch character {
                case "n": out += "\n"
                case "r": out += "\r"
                default: out.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        return out
    }

    private func load() {
        guard let text = FileIO.read(path) else { return }
        var loaded: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let entry = Self.decode(line)
            if loaded.last != entry, !Self.containsSecret(entry) { loaded.append(entry) }
        }
        let lineCount = loaded.count
        if loaded.count > limit { loaded.removeFirst(loaded.count - limit) }
        entries = loaded
        // Compact when the file has grown well past the bound, so it stays bounded on disk too.
        if lineCount > limit * 2 { rewrite() }
    }

    private func ensureDirectory() -> Bool {
        guard let slash = path.lastIndex(of: "/") else { return true }
        let directory = String(path[..<slash])
        return FileIO.makeDirectories(directory, finalMode: 0o700)
    }

    private func writeAppending(_ text: String) {
        guard ensureDirectory() else { return }
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        fchmod(fd, 0o600)
        FileIO.writeAll(fd, text)
    }

    private func rewrite() {
        guard ensureDirectory() else { return }
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        fchmod(fd, 0o600)
        let ok = FileIO.writeAll(fd, entries.map { Self.encode($0) + "\n" }.joined())
        close(fd)
        if ok { rename(temporary, path) } else { unlink(temporary) }
    }
}

extension String {
    var trimmingWhitespace: Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return Substring(scalars[first...last])
    }
}
