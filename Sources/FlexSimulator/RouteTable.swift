// The routes of one target as a trie of path segments: 404 and 405 come from here.
import FlexAPI

/// A request's segments walk the trie once, one dictionary look-up per segment, instead of trying
/// every pattern in turn. A literal segment wins over a `{parameter}` at the same place
/// (`/v1/products/processing_status` over `/v1/products/{id}`), with no backtracking.
struct RouteTable<Target>: Sendable {
    enum Match {
        case found(Route<Target>.Handler, PathParameters)
        /// The path exists but not with this method; the methods it has, in table order.
        case wrongMethod([HTTPMethod])
        case notFound
    }

    private struct Node: Sendable {
        var literals: [Substring: Int] = [:]
        var parameter: Int?
        var routes: [Route<Target>] = []
    }

    private var nodes = [Node()]
    /// Every route in the order given, for listing.
    let routes: [Route<Target>]

    init(_ routes: [Route<Target>]) {
        self.routes = routes
        for route in routes { add(route) }
    }

    private mutating func add(_ route: Route<Target>) {
        var node = 0
        var parameters = 0
        for segment in Router.segments(route.pattern) {
            if segment.hasPrefix("{") {
                parameters += 1
                node = nodes[node].parameter ?? newChild(of: node) { $0.parameter = $1 }
            } else {
                node = nodes[node].literals[segment] ?? newChild(of: node) { $0.literals[segment] = $1 }
            }
        }
        precondition(parameters <= PathParameters.capacity, "\(route.pattern) has too many parameters")
        precondition(!nodes[node].routes.contains { $0.method == route.method }, "\(route.method) \(route.pattern) is routed twice")
        nodes[node].routes.append(route)
    }

    private mutating func newChild(of parent: Int, _ link: (inout Node, Int) -> Void) -> Int {
        nodes.append(Node())
        link(&nodes[parent], nodes.count - 1)
        return nodes.count - 1
    }

    func match(_ method: HTTPMethod, _ segments: [Substring]) -> Match {
        var node = 0
        var parameters = PathParameters()
        for segment in segments {
            // An ID segment is hashed only where a literal could also stand.
            if !nodes[node].literals.isEmpty, let next = nodes[node].literals[segment] {
                node = next
            } else if let next = nodes[node].parameter {
                parameters.append(segment)
                node = next
            } else {
                return .notFound
            }
        }
        let routes = nodes[node].routes
        if routes.isEmpty { return .notFound }
        for route in routes where route.method == method { return .found(route.handler, parameters) }
        return .wrongMethod(routes.map(\.method))
    }
}
