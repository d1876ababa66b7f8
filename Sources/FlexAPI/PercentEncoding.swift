// RFC 3986 percent-encoding of request paths and query items (no Foundation): the HTTP backend's
// URLs and the path segments commands put IDs into share it, so an ID can never change a path.

/// RFC 3986 percent-encoding on UTF-8 bytes.
public enum PercentEncoding {
    static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    public static func encode<S: StringProtocol>(_ text: S, keeping keep: (UInt8) -> Bool) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if keep(byte) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Everything but unreserved characters encoded: an ID or a name as one path segment.
    public static func segment(_ text: String) -> String {
        encode(text, keeping: isUnreserved)
    }

    /// ALPHA / DIGIT / `-` `.` `_` `~`
    public static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// `pchar` minus `%` (a literal percent in an ID is data, so it is encoded too).
    public static func isPathCharacter(_ byte: UInt8) -> Bool {
        if isUnreserved(byte) { return true }
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: ":"),
            UInt8(ascii: "@"):
            return true
        default:
            return false
        }
    }
}
