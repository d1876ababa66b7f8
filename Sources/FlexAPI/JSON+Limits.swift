// Size limits for JSON read from outside (response bodies of the live API, `flex serve` request
// bodies): a body over the limit is a parse error, found before it is read, never memory exhaustion.

extension JSON {
    /// The default largest body a backend accepts. Flex's own responses are a few kilobytes;
    /// a list page of 100 objects stays well under 1 MiB.
    public static let maximumBodySize = 16 << 20

    /// Parses `bytes` unless there are more than `maximumSize` of them.
    public static func parse(_ bytes: [UInt8], maximumSize: Int) throws(JSONParseError) -> JSON {
        guard bytes.count <= maximumSize else { throw JSONParseError.tooLarge(bytes.count, limit: maximumSize) }
        return try parse(bytes)
    }
}

extension JSONParseError {
    /// The error for a body longer than the limit (reported at the first byte past it).
    public static func tooLarge(_ size: Int, limit: Int) -> JSONParseError {
        JSONParseError(offset: limit, line: 1, column: 1, message: "body too large: \(size) bytes (at most \(limit))")
    }
}

/// Collects a body as it arrives in chunks (an HTTP response read piece by piece) and stops at
/// the limit, so an endless or huge body costs at most `limit` bytes of memory.
public struct BoundedBody: Sendable {
    public let limit: Int
    public private(set) var bytes: [UInt8] = []
    /// How many bytes arrived in all, counting those refused.
    public private(set) var received = 0

    public init(limit: Int = JSON.maximumBodySize) { self.limit = limit }

    /// Appends a chunk; throws (keeping nothing more) once the total passes the limit.
    public mutating func append(_ chunk: some Collection<UInt8>) throws(JSONParseError) {
        received += chunk.count
        guard received <= limit else {
            bytes = []
            throw JSONParseError.tooLarge(received, limit: limit)
        }
        bytes.append(contentsOf: chunk)
    }

    /// The collected body as JSON.
    public func parse() throws(JSONParseError) -> JSON {
        try JSON.parse(bytes, maximumSize: limit)
    }
}
