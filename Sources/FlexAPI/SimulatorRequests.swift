// The simulator's `/_sim/` requests that code builds by hand: the hand-written command builders,
// `wait until`'s clock and the remote reset send these. Commands the generic builder makes take
// their path from the command table instead; a test checks every request here against it.

public enum SimulatorRequests {
    /// A shopper pays an open checkout session (body: `{"payment": {card, card_kind, lmn, …}}`).
    public static func pay(session id: String, body: JSON?) -> APIRequest {
        APIRequest(.POST, "/_sim/checkout/sessions/" + PercentEncoding.segment(id) + "/pay", body: body)
    }

    /// The simulated clock's current time.
    public static func clock() -> APIRequest {
        APIRequest(.GET, "/_sim/clock")
    }

    /// Moves the clock forward (body: `{"clock": {"seconds": N}}`), running whatever falls due.
    public static func advanceClock(body: JSON) -> APIRequest {
        APIRequest(.POST, "/_sim/clock/advance", body: body)
    }

    public static func advanceClock(seconds: Int) -> APIRequest {
        advanceClock(body: ["clock": ["seconds": .integer(seconds)]])
    }

    /// Sets the clock to a time (body: `{"clock": {"now": "2026-01-01T00:00:00Z"}}`).
    public static func setClock(body: JSON) -> APIRequest {
        APIRequest(.POST, "/_sim/clock/set", body: body)
    }

    /// Queues injected failures (body: `{"fault": {kind, count, status, code, decline_code}}`).
    public static func fault(body: JSON) -> APIRequest {
        APIRequest(.POST, "/_sim/faults", body: body)
    }

    /// Every event so far, optionally filtered (`type`, `object`).
    public static func events(query: [QueryItem] = []) -> APIRequest {
        APIRequest(.GET, "/_sim/events", query: query)
    }

    /// Back to an empty world that starts from `seed`.
    public static func seed(_ seed: Int) -> APIRequest {
        APIRequest(.POST, "/_sim/seed", body: .object(["sim": .object(["seed": .integer(seed)])]))
    }

    /// Saves the whole world under a name.
    public static func snapshot(name: String) -> APIRequest {
        APIRequest(.POST, "/_sim/snapshots", body: .object(["snapshot": .object(["name": .string(name)])]))
    }

    /// Returns to a saved world.
    public static func restore(snapshot name: String) -> APIRequest {
        APIRequest(.POST, "/_sim/snapshots/" + PercentEncoding.segment(name) + "/restore")
    }

    /// True for a request only a simulator answers.
    public static func isSimulatorRequest(_ request: APIRequest) -> Bool {
        request.path.hasPrefix("/_sim/")
    }
}
