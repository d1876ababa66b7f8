// What `flex serve`'s hosted checkout page reads from the simulator, and where `redirect_url` points.
import FlexAPI

extension SimulatedFlex {
    /// Flex's own hosted page base; the embedded simulator's sessions always point there.
    public static let flexCheckoutBaseURL = State.flexCheckoutBaseURL

    /// Points every session's `redirect_url` at `base + "/pay/c/{id}"` from now on (and after
    /// `sim reset`, `sim seed` and `sim restore`): `flex serve` sets its own address here.
    public func setCheckoutBaseURL(_ base: String) {
        engine.withLock { $0.state.checkoutBaseURL = base }
    }

    /// What the page shows for session `id`, read without going through the request path, so a
    /// shopper looking at the page never uses up a `fail next` fault or moves the clock; due work
    /// (expiry) runs first, as before any request. nil when no session has that ID.
    ///
    /// `{"checkout_session": {…as the API renders it}, "line_items": [{…, "product_name"}],
    ///   "letters_needed": ["product name", …], "now": ISO time, "expires_at": ISO time}`; `letters_needed` lists the
    /// letter-of-medical-necessity products without a valid letter for the session's customer,
    /// which an HSA/FSA payment needs a consultation for.
    public func checkoutPageView(_ id: String) -> JSON? {
        engine.withLock { engine in
            engine.state.runDueWork()
            return engine.state.checkoutPageView(id)
        }
    }

    /// Whether a session has that ID: how `flex serve` finds the sandbox a page belongs to without
    /// rendering the page's view twice.
    public func holdsCheckoutSession(_ id: String) -> Bool {
        engine.withLock { (try? $0.state.sessions.position(of: id)) != nil }
    }
}

extension State {
    static let flexCheckoutBaseURL = "https://checkout.withflex.com"

    func checkoutPageView(_ id: String) -> JSON? {
        guard let position = try? sessions.position(of: id) else { return nil }
        let session = sessions[position]
        let items: [JSON] = session.lineItems.map { item in
            guard case .object(let fields) = render(item) else { return render(item) }
            return .object(JSONObject(fields.entries + [JSONObject.Entry(key: "product_name", value: .string(products[item.product].name))]))
        }
        let needed = letterProducts(session.lineItems, customer: session.customer).filter { $0.state != .valid }
        return object([
            "checkout_session": render(session),
            "line_items": .array(items),
            "letters_needed": .array(needed.map { .string(products[$0.product].name) }),
            "now": .string(Clock.iso(now)),
            "expires_at": .string(Clock.iso(session.expires)),
        ])
    }
}
