// Joins documented request paths (`/v1/customers`, `/_sim/clock`) onto a base URL that ends in the version.
import FlexAPI

/// A validated base URL such as `https://api.withflex.com/v1` or `http://127.0.0.1:4010/v1`.
///
/// Resolution rules:
/// - `/v1/customers` (a path that starts with the base URL's version segment) → `<base>/customers`,
///   so `/v1` is never doubled; a path without the version (`/customers`) is appended to the base.
/// - `/_sim/...` → the base URL without its version segment (the host root for documented URLs).
/// - Path bytes outside RFC 3986 `pchar` are percent-encoded; query names and values are encoded
///   so that only unreserved characters stay literal.
public struct APIBaseURL: Hashable, Sendable, CustomStringConvertible {
    /// `https://api.withflex.com` (scheme, host and port).
    public let origin: String
    /// Path before the version segment, without a trailing slash (`""` or `/proxy`).
    public let rootPath: String
    /// The version segment (`v1`), or nil when the base URL ends in no version.
    public let version: String?
    /// The host and port `origin` names.
    public let target: ConnectionTarget

    public init(_ text: String) throws(HTTPConfigurationError) {
        var rest = Substring(text)
        let scheme: String
        if rest.hasPrefix("http://") { scheme = "http://" } else if rest.hasPrefix("https://") { scheme = "https://" } else {
            throw HTTPConfigurationError("the base URL \"\(text)\" must start with http:// or https://")
        }
        rest = rest.dropFirst(scheme.count)
        if rest.contains("?") || rest.contains("#") {
            throw HTTPConfigurationError("the base URL \"\(text)\" must not contain a query or fragment")
        }
        let authority = rest.prefix { $0 != "/" }
        guard !authority.isEmpty, !authority.hasPrefix(":") else {
            throw HTTPConfigurationError("the base URL \"\(text)\" has no host")
        }
        if authority.contains("@") {
            throw HTTPConfigurationError("the base URL must not carry credentials; use FLEX_API_KEY or the config file")
        }
        guard authority.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw HTTPConfigurationError("the base URL \"\(text)\" has spaces or non-ASCII characters in its host")
        }
        origin = scheme + authority
        target = try ConnectionTarget(usesTLS: scheme == "https://", authority: String(authority), url: text)
        var segments = rest.dropFirst(authority.count).split(separator: "/").map(String.init)
        if let last = segments.last, APIBaseURL.isVersion(last) {
            version = last
            segments.removeLast()
        } else {
            version = nil
        }
        rootPath = segments.isEmpty ? "" : "/" + segments.joined(separator: "/")
    }

    public var description: String { origin + rootPath + (version.map { "/" + $0 } ?? "") }

    /// The absolute URL for a request path and query.
    public func resolve(_ path: String, query: [QueryItem] = []) -> String {
        origin + requestTarget(path, query: query)
    }

    /// What the request line names for a request path and query: the path from the host's root
    /// (`/v1/customers?limit=2`), never empty.
    public func requestTarget(_ path: String, query: [QueryItem] = []) -> String {
        var segments = path.split(separator: "/", omittingEmptySubsequences: true)
        var target = rootPath
        if segments.first == "_sim" {
            // Simulator routes live beside the API version, not under it.
        } else {
            if let version, segments.first.map(String.init) == version { segments.removeFirst() }
            if let version { target += "/" + version }
        }
        for segment in segments {
            target += "/"
            target += PercentEncoding.encode(segment, keeping: PercentEncoding.isPathCharacter)
        }
        if target.isEmpty { target = "/" }
        if !query.isEmpty {
            target += "?"
            target += query.map {
                PercentEncoding.encode($0.name, keeping: PercentEncoding.isUnreserved) + "="
                    + PercentEncoding.encode($0.value, keeping: PercentEncoding.isUnreserved)
            }.joined(separator: "&")
        }
        return target
    }

    /// `v1`, `v2`, … (a `v` and digits).
    static func isVersion(_ segment: String) -> Bool {
        let bytes = Array(segment.utf8)
        return bytes.count >= 2 && bytes[0] == UInt8(ascii: "v") && bytes.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
