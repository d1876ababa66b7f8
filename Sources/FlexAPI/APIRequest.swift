// A Flex API request as data: what any backend (simulated, HTTP, recorded) is asked to answer.

public enum HTTPMethod: String, Hashable, Sendable, CaseIterable {
    case GET, POST, PATCH, PUT, DELETE
}

public struct HTTPHeader: Hashable, Sendable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == HTTPHeader {
    /// The first header of that name, compared case-insensitively as HTTP names are.
    public func value(named name: String) -> String? {
        let wanted = name.lowercased()
        return first { $0.name.lowercased() == wanted }?.value
    }
}

public struct QueryItem: Hashable, Sendable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

public struct APIRequest: Hashable, Sendable {
    public var method: HTTPMethod
    /// The path as documented, with the API version: `/v1/checkout/sessions/fcs_…`, `/_sim/clock`.
    public var path: String
    public var query: [QueryItem]
    /// Extra headers (`Idempotency-Key`). Auth is the HTTP backend's business, never set here.
    public var headers: [HTTPHeader]
    public var body: JSON?

    public init(_ method: HTTPMethod, _ path: String, query: [QueryItem] = [], headers: [HTTPHeader] = [], body: JSON? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// Case-insensitive header lookup.
    public func header(_ name: String) -> String? { headers.value(named: name) }

    public func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }
}

public struct APIResponse: Hashable, Sendable {
    public var status: Int
    public var headers: [HTTPHeader]
    public var body: JSON

    public init(status: Int, headers: [HTTPHeader] = [], body: JSON) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    public func header(_ name: String) -> String? { headers.value(named: name) }

    /// The `{"error":{"code","message"}}` response Flex sends for every failure.
    public static func error(status: Int, code: String, message: String) -> APIResponse {
        APIResponse(status: status, body: ["error": ["code": .string(code), "message": .string(message)]])
    }
}
