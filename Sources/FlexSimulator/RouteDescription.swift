// A route as data (method and pattern), for tools and tests that enumerate what the simulator serves.
/// `pattern` is written as in the routing table: `/v1/checkout/sessions/{id}/refund`.
public struct RouteDescription: Hashable, Sendable, CustomStringConvertible {
    public let method: String
    public let pattern: String

    public init(method: String, pattern: String) {
        self.method = method
        self.pattern = pattern
    }

    public var description: String { "\(method) \(pattern)" }
}
