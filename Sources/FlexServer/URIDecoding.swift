// Percent-decoding of request paths and query strings (Hummingbird hands them over encoded).
import FlexAPI

enum URIDecoding {
    /// `%XX` decoded; nil for a malformed escape. `+` stays `+` in paths.
    static func decodePath(_ path: String) -> String? {
        decode(Substring(path), plusIsSpace: false)
    }

    /// `a=1&b=x%20y` → items in order; `+` means space (form encoding, as Python and curl send it).
    static func decodeQuery(_ query: String?) -> [QueryItem]? {
        guard let query, !query.isEmpty else { return [] }
        var items: [QueryItem] = []
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(pieces[0], plusIsSpace: true) else { return nil }
            guard let value = pieces.count > 1 ? decode(pieces[1], plusIsSpace: true) : "" else { return nil }
            items.append(QueryItem(name, value))
        }
        return items
    }

    static func decode(_ text: Substring, plusIsSpace: Bool) -> String? {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else { return nil }
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(plusIsSpace && byte == UInt8(ascii: "+") ? 0x20 : byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
