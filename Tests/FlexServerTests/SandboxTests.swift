// Sandboxes in `flex serve`: independent simulators per Flex-Sandbox header, their /_sim/ controls,
// memory returned on delete, and isolation under concurrent requests.
import AsyncHTTPClient
import FlexAPI
@testable import FlexServer
import FlexSimulator
import Testing

@Suite struct SandboxTests {
    func customers(_ directory: SandboxDirectory, _ sandbox: String?) -> Int {
        directory.handle(APIRequest(.GET, "/v1/customers"), sandbox: sandbox).body["customers"]?.arrayValue?.count ?? -1
    }

    func createCustomer(_ directory: SandboxDirectory, _ sandbox: String?, _ email: String) -> APIResponse {
        directory.handle(APIRequest(.POST, "/v1/customers", body: ["customer": ["email": .string(email)]]), sandbox: sandbox)
    }

    @Test func sandboxesAreIndependentAndTheDefaultIsUntouched() {
        let directory = SandboxDirectory(seed: 42)
        #expect(createCustomer(directory, "a", "a@example.com").status == 200)
        #expect(createCustomer(directory, "a", "b@example.com").status == 200)
        #expect(createCustomer(directory, "b", "c@example.com").status == 200)
        #expect(customers(directory, "a") == 2)
        #expect(customers(directory, "b") == 1)
        #expect(customers(directory, nil) == 0)
        // The same seed and requests give the same IDs in every sandbox: each is a fresh world.
        let first = createCustomer(directory, "c", "x@example.com").body["customer"]?["customer_id"]
        let second = createCustomer(directory, "d", "x@example.com").body["customer"]?["customer_id"]
        #expect(first != nil && first == second)
    }

    @Test func resetListAndDelete() {
        let directory = SandboxDirectory(seed: 42)
        _ = createCustomer(directory, "work-1", "a@example.com")
        let reset = directory.handle(APIRequest(.POST, "/_sim/sandboxes/work-1/reset", body: ["sandbox": ["seed": 7]]), sandbox: nil)
        #expect(reset.status == 200)
        #expect(reset.body["sandbox"]?["seed"] == 7)
        #expect(customers(directory, "work-1") == 0)
        _ = directory.handle(APIRequest(.POST, "/_sim/sandboxes/work-2/reset"), sandbox: nil)
        let list = directory.handle(APIRequest(.GET, "/_sim/sandboxes"), sandbox: nil)
        #expect(list.body.serialized() == #"{"sandboxes":[{"name":"work-1","seed":7},{"name":"work-2","seed":42}]}"#)
        #expect(directory.handle(APIRequest(.DELETE, "/_sim/sandboxes/work-1"), sandbox: nil).status == 200)
        let missing = directory.handle(APIRequest(.DELETE, "/_sim/sandboxes/work-1"), sandbox: nil)
        #expect(missing.status == 404)
        #expect(errorCode(missing) == "sandbox_not_found")
        // The sandbox routes answer whichever sandbox the request names.
        #expect(directory.handle(APIRequest(.GET, "/_sim/sandboxes"), sandbox: "work-2").body["sandboxes"]?.arrayValue?.count == 1)
    }

    @Test func badNamesSeedsAndRoutesAreFlexErrors() {
        let directory = SandboxDirectory(seed: 42)
        let badHeader = directory.handle(APIRequest(.GET, "/v1/customers"), sandbox: "no spaces")
        #expect(badHeader.status == 400)
        #expect(badHeader.body["error"]?["message"]?.stringValue?.contains("1 to 64 letters") == true)
        #expect(directory.handle(APIRequest(.GET, "/v1/customers"), sandbox: String(repeating: "x", count: 65)).status == 400)
        #expect(directory.handle(APIRequest(.POST, "/_sim/sandboxes/a/reset", body: ["sandbox": ["seed": -1]]), sandbox: nil).status == 400)
        #expect(directory.handle(APIRequest(.POST, "/_sim/sandboxes/a/reset", body: ["seed": 1]), sandbox: nil).status == 400)
        let wrongRoute = directory.handle(APIRequest(.PATCH, "/_sim/sandboxes/a"), sandbox: nil)
        #expect(wrongRoute.status == 404)
        #expect(wrongRoute.body["error"]?["message"]?.stringValue?.contains("DELETE /_sim/sandboxes/{name}") == true)
    }

    @Test func aDeletedSandboxIsFreed() {
        let directory = SandboxDirectory(seed: 42)
        _ = createCustomer(directory, "gone", "a@example.com")
        weak var simulator: SimulatedFlex?
        simulator = directory.named.withLock { $0["gone"]?.simulator }
        #expect(simulator != nil)
        #expect(directory.handle(APIRequest(.DELETE, "/_sim/sandboxes/gone"), sandbox: nil).status == 200)
        #expect(simulator == nil)
        // A reset replaces the old world: that one is freed too.
        _ = createCustomer(directory, "again", "a@example.com")
        weak var before: SimulatedFlex?
        before = directory.named.withLock { $0["again"]?.simulator }
        _ = directory.handle(APIRequest(.POST, "/_sim/sandboxes/again/reset"), sandbox: nil)
        #expect(before == nil)
    }

    @Test func aDeletedSandboxIsFreedWithItsWebhookDelivery() async throws {
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let deliveries = WebhookDispatchers(options: WebhookDeliveryOptions(), client: client, log: { _ in })
        let directory = SandboxDirectory(seed: 42, deliveries: deliveries)
        _ = createCustomer(directory, "hooked", "a@example.com")
        weak var simulator: SimulatedFlex?
        simulator = directory.named.withLock { $0["hooked"]?.simulator }
        #expect(simulator.flatMap { deliveries.dispatcher(for: $0) } != nil)
        #expect(directory.handle(APIRequest(.DELETE, "/_sim/sandboxes/hooked"), sandbox: nil).status == 200)
        // The dispatcher's task ends once cancelled and lets go of the simulator.
        var waited = 0
        while simulator != nil, waited < 200 {
            try await Task.sleep(for: .milliseconds(10))
            waited += 1
        }
        #expect(simulator == nil)
        await deliveries.stopAll()
        try await client.shutdown()
    }

    @Test func concurrentWorkersSeeOnlyTheirOwnObjects() async {
        let directory = SandboxDirectory(seed: 42)
        let workers = 16, each = 25
        let counts = await withTaskGroup(of: (Int, Int, Bool).self) { group in
            for worker in 0..<workers {
                group.addTask {
                    let name = "worker-\(worker)"
                    var allCreated = true
                    for index in 0..<each {
                        allCreated = allCreated && self.createCustomer(directory, name, "w\(worker)-\(index)@example.com").status == 200
                        // Others create and delete sandboxes meanwhile.
                        _ = directory.handle(APIRequest(.POST, "/_sim/sandboxes/churn-\(worker)/reset"), sandbox: nil)
                        _ = directory.handle(APIRequest(.DELETE, "/_sim/sandboxes/churn-\(worker)"), sandbox: nil)
                    }
                    let listed = directory.handle(APIRequest(.GET, "/v1/customers", query: [QueryItem("limit", "100")]), sandbox: name)
                    return (worker, listed.body["customers"]?.arrayValue?.count ?? -1, allCreated)
                }
            }
            var results: [(Int, Int, Bool)] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(counts.count == workers)
        for (worker, count, created) in counts {
            #expect(created, "worker \(worker) failed a create")
            #expect(count == each, "worker \(worker) saw \(count) customers")
        }
        #expect(directory.named.withLock { $0.count } == workers)
    }

    @Test func theHeaderPicksTheSandboxOverHTTP() async throws {
        try await withServer { port, flex, _ in
            let auth = [("Authorization", "Bearer \(testKey)"), ("Content-Type", "application/json")]
            let (created, _) = try await rawRequest(port: port, method: .POST, path: "/v1/customers",
                                                    headers: auth + [("Flex-Sandbox", "http-a")], body: Array(#"{"customer":{"email":"a@b.co"}}"#.utf8))
            #expect(created == 200)
            let (_, inA) = try await rawRequest(port: port, method: .GET, path: "/v1/customers", headers: auth + [("Flex-Sandbox", "http-a")])
            #expect(inA?["customers"]?.arrayValue?.count == 1)
            let (_, inDefault) = try await rawRequest(port: port, method: .GET, path: "/v1/customers", headers: auth)
            #expect(inDefault?["customers"]?.arrayValue?.count == 0)
            let listed = try await flex.send(APIRequest(.GET, "/_sim/sandboxes"))
            #expect(listed.body.serialized() == #"{"sandboxes":[{"name":"http-a","seed":42}]}"#)
            #expect(try await flex.send(APIRequest(.DELETE, "/_sim/sandboxes/http-a")).status == 200)
        }
    }
}
