// Where a command's request goes: method, path template and body wrapper, declared in the table
// so the generic builder, the route-coverage test and the generated reference read one place.

public struct RequestSyntax: Hashable, Sendable {
    public enum Method: String, Hashable, Sendable {
        case GET, POST, PATCH, PUT, DELETE
    }

    public var method: Method
    /// `/v1/customers/{customer}`: each `{name}` is filled, percent-encoded, from the positional
    /// (or clause) of that name.
    public var path: String
    /// The body's one key (`{"customer": {…}}`); nil for requests without a body.
    public var wrapper: String?

    public init(_ method: Method, _ path: String, wrapper: String? = nil) {
        self.method = method
        self.path = path
        self.wrapper = wrapper
    }

    /// Clause values go into the query (GET, DELETE) rather than the body.
    public var takesQuery: Bool { method == .GET || method == .DELETE }

    /// The names of the `{name}` segments, in order.
    public var placeholders: [String] {
        path.split(separator: "/").compactMap { segment in
            segment.first == "{" && segment.last == "}" ? String(segment.dropFirst().dropLast()) : nil
        }
    }

    /// `GET /v1/customers/{}`: the template with placeholder names dropped, to compare with a route.
    public var shape: String {
        method.rawValue + " " + path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.first == "{" ? "{}" : String($0) }.joined(separator: "/")
    }

    public var isSimulatorOnly: Bool { path.hasPrefix("/_sim/") }
}
