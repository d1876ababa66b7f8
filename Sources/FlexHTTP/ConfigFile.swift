// The `key = value` config file under ~/.config/flex/, read only when nobody else can read it.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and writes flex's config file. Lines are `name = value`; `#` starts a comment; values
/// may be wrapped in double quotes.
public enum ConfigFile {
    /// `$XDG_CONFIG_HOME/flex/config` when that is an absolute path, else `$HOME/.config/flex/config`.
    public static func defaultPath(home: String?, xdgConfigHome: String?) -> String? {
        if let xdg = xdgConfigHome, xdg.hasPrefix("/") { return xdg + "/flex/config" }
        if let home, !home.isEmpty { return home + "/.config/flex/config" }
        return nil
    }

    static func processVariable(_ name: String) -> String? {
        guard let pointer = getenv(name) else { return nil }
        return String(cString: pointer)
    }

    /// The settings in `path`, or nil when the file does not exist. Refuses a file that group or
    /// others may read, since it holds an API key.
    public static func load(_ path: String) throws(HTTPConfigurationError) -> [String: String]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw HTTPConfigurationError("cannot open the config file \(path) (errno \(errno))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw HTTPConfigurationError("cannot stat the config file \(path)") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw HTTPConfigurationError("the config file \(path) is not a regular file") }
        let permissions = info.st_mode & 0o777
        if permissions & 0o077 != 0 {
            throw HTTPConfigurationError(
                "refusing to read the API key from \(path): it is readable by group or others (mode \(octal(permissions))); run `chmod 600 \(path)`")
        }
        guard info.st_size <= 64 * 1024 else { throw HTTPConfigurationError("the config file \(path) is larger than 64 KiB") }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw HTTPConfigurationError("cannot read the config file \(path) (errno \(errno))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > 64 * 1024 { throw HTTPConfigurationError("the config file \(path) is larger than 64 KiB") }
        }
        return parse(String(decoding: bytes, as: UTF8.self))
    }

    /// Parses `name = value` lines; malformed lines are ignored (they cannot hold a usable setting).
    public static func parse(_ text: String) -> [String: String] {
        var settings: [String: String] = [:]
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let name = trim(line[..<equals])
            var value = trim(line[line.index(after: equals)...])
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            if !name.isEmpty { settings[name] = value }
        }
        return settings
    }

    /// Writes `settings` to `path` as a new file created with mode 0600 (its directory 0700).
    public static func write(_ settings: [(String, String)], to path: String) throws(HTTPConfigurationError) {
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            let directory = String(path[..<slash])
            var prefix = ""
            for part in directory.split(separator: "/") {
                prefix += "/" + part
                if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                    throw HTTPConfigurationError("cannot create the directory \(prefix) (errno \(errno))")
                }
            }
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw HTTPConfigurationError("cannot create the config file \(path) (errno \(errno))") }
        defer { close(fd) }
        // O_CREAT's mode does not apply to an existing file; tighten it either way.
        guard fchmod(fd, 0o600) == 0 else { throw HTTPConfigurationError("cannot chmod 600 \(path)") }
        let text = settings.map { "\($0.0) = \($0.1)\n" }.joined()
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { posixWrite(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw HTTPConfigurationError("cannot write the config file \(path) (errno \(errno))")
            }
            written += count
        }
    }

    static func trim(_ text: Substring) -> String {
        String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }

    static func octal(_ mode: mode_t) -> String {
        "0" + String(UInt32(mode), radix: 8)
    }
}

/// `write(2)`, named apart from `ConfigFile.write`.
func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}

/// `read(2)`, named apart from `ConfigFile` members.
func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
