// `/_sim/webhooks/deliveries` on a delivering server: each delivery the sandbox lists also shows
// what happened to it over HTTP (`status`, `attempts`), from the WebhookDispatcher's records.
import FlexAPI

extension FlexResponder {
    func withDeliveryAttempts(_ response: APIResponse, method: FlexAPI.HTTPMethod, path: String, sandbox: String?) async -> APIResponse {
        guard method == .GET, response.status == 200, path == "/_sim/webhooks/deliveries",
              case .object(var wrapper) = response.body, case .array(let deliveries)? = wrapper["deliveries"],
              let simulator = sandboxes.existingSimulator(sandbox: sandbox), let dispatcher = sandboxes.deliveries?.dispatcher(for: simulator) else {
            return response
        }
        let ids = deliveries.compactMap { $0["delivery_id"]?.stringValue }
        let records = await dispatcher.records(for: ids, generation: simulator.outboxGeneration)
        wrapper["deliveries"] = .array(deliveries.map { delivery in
            guard case .object(var fields) = delivery, let id = fields["delivery_id"]?.stringValue else { return delivery }
            // Not collected yet (the dispatcher reads the log just after the request that made it).
            let record = records[id] ?? DeliveryRecord(generation: 0)
            fields["delivery"] = record.json
            return .object(fields)
        })
        var annotated = response
        annotated.body = .object(wrapper)
        return annotated
    }
}
