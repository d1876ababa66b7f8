// `flex trigger`'s flows: every event type the simulator emits has one, and each one, run through
// the interpreter on a simulator in process, makes that event appear (a new one, checked by the
// flow itself and again here on the simulator's own log).
import FlexAPI
import FlexInterpreter
import FlexSimulator
import FlexTestSupport
import Testing

@Suite struct TriggerFlowTests {
    @Test func everyEventTheSimulatorEmitsHasAFlow() {
        let missing = SimulatedFlex.eventTypes.filter { TriggerFlows.flows[$0] == nil }
        #expect(missing.isEmpty, "no flex trigger flow for \(missing)")
        let unknown = TriggerFlows.eventTypes.filter { !SimulatedFlex.eventTypes.contains($0) }
        #expect(unknown.isEmpty, "flows for events the simulator never emits: \(unknown)")
    }

    @Test(arguments: SimulatedFlex.eventTypes)
    func theFlowEmitsItsEvent(event: String) async throws {
        let script = try #require(TriggerFlows.script(for: event))
        let simulator = SimulatedFlex(seed: 42)
        let result = await run(script, backend: simulator)
        #expect(result.code == 0, "\(event): \(result.err)")
        #expect(result.out.hasPrefix("triggered \(event): fevt_"), "\(result.out)")
        let log = simulator.handle(APIRequest(.GET, "/_sim/events", query: [QueryItem("type", event)]))
        #expect(log.body["events"]?.arrayValue?.isEmpty == false)
    }

    @Test func aSecondRunMakesANewEvent() async throws {
        // On a server that already had the event, the flow must add one, not find the old one.
        let simulator = SimulatedFlex(seed: 42)
        let script = try #require(TriggerFlows.script(for: "customer.created"))
        // Two runs of flex trigger have their own Idempotency-Key namespaces (random per live run).
        var outputs: [RunResult] = []
        for namespace in ["first", "second"] {
            let sink = CapturingOutputSink()
            var configuration = RunConfiguration.simulated()
            configuration.makeBackend = { _ in simulator }
            configuration.idempotencyNamespace = namespace
            let code = await ScriptRunner(configuration: configuration, output: sink).run([.source(path: "t.flex", bytes: Array(script.utf8))])
            outputs.append(RunResult(code: code, out: sink.standardOutput, err: sink.standardError))
        }
        let (first, second) = (outputs[0], outputs[1])
        #expect(first.code == 0 && second.code == 0)
        #expect(first.out != second.out)
    }

    @Test func anUnknownEventSuggestsTheClosestNames() {
        #expect(TriggerFlows.script(for: "checkout.session.complete") == nil)
        let message = TriggerFlows.unknownEventMessage("checkout.session.complete")
        #expect(message.hasPrefix("unknown event type 'checkout.session.complete'; did you mean 'checkout.session.completed'"))
        #expect(message.contains("'checkout.session.expired'"))
        let family = TriggerFlows.unknownEventMessage("invoice.failed")
        #expect(family.contains("'invoice.created'") && family.contains("'invoice.payment_failed'"))
        #expect(TriggerFlows.unknownEventMessage("zzz") == "unknown event type 'zzz' ('flex trigger --list' lists every one)")
    }
}
