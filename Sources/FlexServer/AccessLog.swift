// One access-log line per request: method, path, query names (never values), status, milliseconds.

enum AccessLog {
    /// `GET /v1/customers?limit=… 200 0.4ms`. Query values are elided (they could hold secrets) and
    /// control characters escaped, so a request cannot forge log lines.
    static func line(method: String, target: String, status: Int, elapsed: Duration) -> String {
        let (path, query) = split(target)
        var shown = printable(path, limit: 200)
        if let query, !query.isEmpty {
            let names = query.split(separator: "&").map { printable(String($0.prefix { $0 != "=" }), limit: 40) + "=…" }
            shown += "?" + names.prefix(20).joined(separator: "&")
        }
        return "\(printable(method, limit: 20)) \(shown) \(status) \(milliseconds(elapsed))"
    }

    static func split(_ target: String) -> (String, String?) {
        guard let mark = target.firstIndex(of: "?") else { return (target, nil) }
        return (String(target[..<mark]), String(target[target.index(after: mark)...]))
    }

    /// `1.234ms` with three decimals, computed in integers.
    static func milliseconds(_ elapsed: Duration) -> String {
        let (seconds, attoseconds) = elapsed.components
        let micros = seconds.multipliedReportingOverflow(by: 1_000_000)
        let total = micros.overflow ? Int64.max : micros.partialValue &+ attoseconds / 1_000_000_000_000
        let fraction = String(total % 1000)
        return "\(total / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)ms"
    }

    /// Escapes bytes outside printable ASCII as `\xNN` and cuts long text with `…`.
    static func printable(_ text: String, limit: Int) -> String {
        // Nearly every method and path needs nothing escaped or cut: no copy then.
        if text.utf8.count <= limit, text.utf8.allSatisfy({ $0 >= 0x21 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }) { return text }
        var output = ""
        var count = 0
        for byte in text.utf8 {
            if count >= limit { output += "…"; break }
            if byte >= 0x21 && byte < 0x7F && byte != UInt8(ascii: "\\") {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16)
                output += "\\x" + (hex.count == 1 ? "0" : "") + hex
            }
            count += 1
        }
        return output
    }
}
