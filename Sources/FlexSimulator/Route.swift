// One line of a routing table: method, path pattern, and the handler that answers it.
import FlexAPI

/// `pattern` is a path whose `{name}` segments match any one segment; `Target` is what the handler
/// works on: the `State` for API and simulator routes, the `Engine` for the ones that replace it.
struct Route<Target>: Sendable {
    typealias Handler = @Sendable (inout Target, APIRequest, PathParameters) throws(APIFailure) -> APIResponse

    let method: HTTPMethod
    let pattern: String
    let handler: Handler

    init(_ method: HTTPMethod, _ pattern: String, _ handler: @escaping Handler) {
        self.method = method
        self.pattern = pattern
        self.handler = handler
    }

    var description: RouteDescription { RouteDescription(method: method.rawValue, pattern: pattern) }
}
