// Every route the simulator serves has a command: some table entry's (method, path template)
// covers it, unless it is listed here as deliberately raw-only with the reason.
import FlexLanguage
import FlexSimulator
import Testing

@Suite struct RouteCoverageTests {
    /// Routes reached only through `api` (or other code), with why.
    static let rawOnly: [String: String] = [:]

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
}
