// Customers: create, get, list (email filter), PATCH update; customer.created/updated events.
import FlexAPI

struct Customer {
    var id: ULID
    var firstName: String?
    var lastName: String?
    var email: String?
    var phone: String?
    var employer: String?
    var shipping: ShippingAddress?
    var metadata: JSON?
    var checkoutSession: String?
    var created: Int
    /// Deleted customers stay in the store (sessions and events still name them) but are gone from
    /// lists and from every request that names them.
    var deleted = false
}

/// Immutable and shared (a class), so the many copies of a customer stay small; edits make a new one.
final class ShippingAddress: Sendable {
    let id: ULID
    let line1: String?
    let line2: String?
    let city: String?
    let state: String?
    let postalCode: String?
    let country: String?

    init(id: ULID, line1: String?, line2: String?, city: String?, state: String?, postalCode: String?, country: String?) {
        self.id = id
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.state = state
        self.postalCode = postalCode
        self.country = country
    }
}

extension ShippingAddress {
    func withID(_ id: ULID) -> ShippingAddress {
        ShippingAddress(id: id, line1: line1, line2: line2, city: city, state: state, postalCode: postalCode, country: country)
    }
}

extension State {
    static let customerStringFields = ["first_name", "last_name", "email", "phone", "employer", "checkout_session_id"]

    mutating func createCustomer(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let body = try BodyReader.wrapped(request.body, "customer")
        var customer = Customer(id: ULID(high: 0, low: 0), created: 0)
        try applyCustomerFields(body, to: &customer)
        let time = tick()
        customer.id = newID()
        customer.created = time
        if let shipping = customer.shipping { customer.shipping = shipping.withID(newID()) }
        customers.insert(customer, id: customer.id)
        emit(.customerCreated, .customer(customer))
        return ok("customer", render(customer))
    }

    /// Validates every field before changing anything; present keys overwrite, `null` clears.
    func applyCustomerFields(_ body: BodyReader, to customer: inout Customer) throws(APIFailure) {
        var updated = customer
        for key in State.customerStringFields where body.has(key) {
            let value = try body.string(key)
            switch key {
            case "first_name": updated.firstName = value
            case "last_name": updated.lastName = value
            case "email": updated.email = value
            case "phone": updated.phone = value
            case "employer": updated.employer = value
            default: updated.checkoutSession = value
            }
        }
        if body.has("shipping") {
            if let shipping = try body.objectValue("shipping") {
                let reader = BodyReader(shipping, path: body.name("shipping"))
                updated.shipping = ShippingAddress(
                    id: updated.shipping?.id ?? ULID(high: 0, low: 0), line1: try reader.string("line1"), line2: try reader.string("line2"),
                    city: try reader.string("city"), state: try reader.string("state"),
                    postalCode: try reader.string("postal_code"), country: try reader.string("country"))
            } else {
                updated.shipping = nil
            }
        }
        if body.has("metadata") { updated.metadata = try body.metadata() }
        customer = updated
    }

    func customerPosition(_ id: String) throws(APIFailure) -> Int {
        let position = try customers.position(of: id, as: .customer)
        guard !customers[position].deleted else { throw .notFound(.customer, id) }
        return position
    }

    func getCustomer(_ id: String) throws(APIFailure) -> APIResponse {
        let position = try customers.position(of: id, as: .customer)
        guard !customers[position].deleted else { return ok("customer", deletedStub(customers[position])) }
        return ok("customer", render(customers[position]))
    }

    /// `DELETE /v1/customers/{id}` (inferred: Flex documents the `customer.deleted` event, not the
    /// endpoint; Stripe's semantics). The customer's open sessions expire (paying one would save a
    /// card on nobody), its live subscriptions end now (`customer.subscription.deleted`, no further
    /// charges), then `customer.deleted`. Afterwards lists leave it out, requests naming it get 404,
    /// and GET answers Stripe's stub `{customer_id, deleted: true}`.
    mutating func deleteCustomer(_ id: String) throws(APIFailure) -> APIResponse {
        let position = try customerPosition(id)
        let time = tick()
        for session in sessions.objects.indices where sessions[session].customer == position && sessions[session].status == .open {
            expire(session, at: time)
        }
        for subscription in subscriptions.objects.indices
        where subscriptions[subscription].customer == position && subscriptions[subscription].status.isLive {
            subscriptions[subscription].status = .canceled
            subscriptions[subscription].canceledAt = time
            subscriptions[subscription].updated = time
            emit(.subscriptionDeleted, .subscription(subscriptions[subscription]))
        }
        customers[position].deleted = true
        emit(.customerDeleted, .customer(customers[position]))
        return ok("customer", deletedStub(customers[position]))
    }

    func deletedStub(_ customer: Customer) -> JSON {
        object(["customer_id": .string(customer.id.id(.customer)), "deleted": true, "test_mode": true])
    }

    mutating func updateCustomer(_ id: String, _ request: APIRequest) throws(APIFailure) -> APIResponse {
        let position = try customerPosition(id)
        let body = try BodyReader.wrapped(request.body, "customer")
        var customer = customers[position]
        let hadShipping = customer.shipping != nil
        try applyCustomerFields(body, to: &customer)
        _ = tick()
        if !hadShipping, let shipping = customer.shipping { customer.shipping = shipping.withID(newID()) }
        customers[position] = customer
        emit(.customerUpdated, .customer(customer))
        return ok("customer", render(customer))
    }

    func listCustomers(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let email = request.queryValue("email")
        return try list(\.customers, request) { !$0.deleted && (email == nil || $0.email == email) }
    }

    func render(_ customer: Customer) -> JSON {
        object([
            "customer_id": .string(customer.id.id(.customer)),
            "first_name": customer.firstName.json,
            "last_name": customer.lastName.json,
            "email": customer.email.json,
            "phone": customer.phone.json,
            "employer": customer.employer.json,
            "shipping": customer.shipping.map(render) ?? .null,
            "metadata": customer.metadata ?? .object(JSONObject()),
            "created_at": .string(Clock.iso(customer.created)),
            "test_mode": true,
        ])
    }

    func render(_ address: ShippingAddress) -> JSON {
        object([
            "shipping_address_id": .string(address.id.id(.shippingAddress)),
            "line1": address.line1.json, "line2": address.line2.json, "city": address.city.json,
            "state": address.state.json, "postal_code": address.postalCode.json, "country": address.country.json,
        ])
    }
}
