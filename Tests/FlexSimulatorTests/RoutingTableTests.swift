// The simulator's routing table as a list: known entries are there, none twice, all reachable.
import FlexAPI
import FlexSimulator
import Testing

@Suite struct RoutingTableTests {
    @Test func listsKnownRoutes() {
        let routes = Set(SimulatedFlex.routes.map(\.description))
        for known in ["POST /v1/checkout/sessions", "POST /v1/checkout/sessions/{id}/refund", "GET /v1/customers/{id}",
                      "DELETE /v1/customers/{id}", "GET /v1/products/processing_status",
                      "GET /v1/customers/{customer}/payment_methods/{id}", "POST /_sim/checkout/sessions/{id}/pay",
                      "GET /_sim/clock", "POST /_sim/reset", "POST /_sim/snapshots/{name}/restore", "PATCH /v1/captures/{id}", "PUT /v1/shipping_rates/{id}"] {
            #expect(routes.contains(known), "\(known) is not in the table")
        }
        #expect(SimulatedFlex.routes.count == 92)
    }

    @Test func noRouteIsListedTwice() {
        var seen: Set<RouteDescription> = []
        for route in SimulatedFlex.routes {
            #expect(seen.insert(route).inserted, "\(route) is listed twice")
        }
    }

    @Test func everyPatternIsUnderAnAPIOrSimulatorPrefix() {
        for route in SimulatedFlex.routes {
            #expect(route.pattern.hasPrefix("/v1/") || route.pattern.hasPrefix("/_sim/"), "\(route)")
            #expect(HTTPMethod(rawValue: route.method) != nil, "\(route)")
        }
    }

    /// Each listed route reaches a handler: never the table's own 404 or 405.
    @Test func everyListedRouteIsServed() {
        for route in SimulatedFlex.routes {
            let path = route.pattern.replacing(/\{[a-z]+\}/, with: "x")
            let method = HTTPMethod(rawValue: route.method) ?? .GET
            let response = SimulatedFlex().handle(APIRequest(method, path))
            #expect(response.status != 405, "\(route)")
            #expect(response.body["error"]?["code"] != "not_found", "\(route)")
        }
    }
}
