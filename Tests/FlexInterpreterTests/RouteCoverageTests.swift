// Every route the simulator serves has a command: some table entry's (method, path template)
// covers it, unless it is listed here as deliberately raw-only with the reason.
import FlexAPI
import FlexLanguage
import FlexSimulator
import Testing

@Suite struct RouteCoverageTests {
    /// Routes reached only through `api` (or other code), with why.
    static let rawOnly: [String: String] = [
        "PATCH /v1/shipping_rates/{}": "the method flex sent before Flex's Update Shipping Rate page (PUT) was read; kept so scripts that send it still work",
    ]

    static func shape(_ method: String, _ pattern: String) -> String {
        method + " " + pattern.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.first == "{" ? "{}" : String($0) }.joined(separator: "/")
    }

    @Test func everyRouteHasACommand() {
        let covered = Set(CommandTable.all.compactMap { $0.request?.shape })
        for route in SimulatedFlex.routes {
            let shape = Self.shape(route.method, route.pattern)
            #expect(covered.contains(shape) || Self.rawOnly[shape] != nil, "no command sends \(shape)")
        }
    }

    @Test func everyCommandSendsAServedRoute() {
        let served = Set(SimulatedFlex.routes.map { Self.shape($0.method, $0.pattern) })
        for syntax in CommandTable.all {
            guard let request = syntax.request else { continue }
            #expect(served.contains(request.shape), "'\(syntax.displayPhrase)' sends \(request.shape), which the simulator does not serve")
        }
    }

    /// The hand-built `/_sim/` requests go where some command of the table says they go, so the
    /// table stays the one description of the simulator's routes.
    @Test func handBuiltSimulatorRequestsMatchTheTable() {
        let body = JSON.object([:])
        let requests = [
            SimulatorRequests.pay(session: "fcs_1", body: body), SimulatorRequests.clock(),
            SimulatorRequests.advanceClock(seconds: 1), SimulatorRequests.advanceClock(body: body),
            SimulatorRequests.setClock(body: body), SimulatorRequests.fault(body: body), SimulatorRequests.events(),
            SimulatorRequests.seed(1), SimulatorRequests.snapshot(name: "a"), SimulatorRequests.restore(snapshot: "a"),
        ]
        let templates = CommandTable.all.compactMap(\.request)
        for request in requests {
            let segments = request.path.split(separator: "/")
            let matched = templates.contains { template in
                let pattern = template.path.split(separator: "/")
                return template.method.rawValue == request.method.rawValue && pattern.count == segments.count
                    && zip(pattern, segments).allSatisfy { $0.first == "{" || $0 == $1 }
            }
            #expect(matched, "no command of the table sends \(request.method.rawValue) \(request.path)")
        }
    }
}
