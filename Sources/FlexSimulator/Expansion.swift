// `expand=a,b` and `expand_<field>=true` (docs/flex-api.md §1.9): related objects' IDs in an answer replaced by the objects.
import FlexAPI

/// The fields one request asks to expand. Read and checked before the request runs (a malformed
/// parameter changes nothing); whether the answered object has such a field is known only after
/// it ran, so `State.handle` keeps the state from before and goes back to it when that check fails.
struct Expansion {
    /// A field that names another object by ID, and how to render the object it names. Flex's
    /// expansion page names the field after the object (`expand_customer` expands `customer`);
    /// `latest_invoice` and `default_payment_method` are the other ID fields our objects carry.
    static let resolvers: [String: @Sendable (State, String) throws(APIFailure) -> JSON] = [
        "customer": { state, id throws(APIFailure) in try state.rendered(\.customers, id) },
        "product": { state, id throws(APIFailure) in try state.rendered(\.products, id) },
        "price": { state, id throws(APIFailure) in try state.rendered(\.prices, id) },
        "payment_intent": { state, id throws(APIFailure) in try state.rendered(\.paymentIntents, id) },
        "payment_method": { state, id throws(APIFailure) in try state.rendered(\.paymentMethods, id) },
        "default_payment_method": { state, id throws(APIFailure) in try state.rendered(\.paymentMethods, id) },
        "subscription": { state, id throws(APIFailure) in try state.rendered(\.subscriptions, id) },
        "invoice": { state, id throws(APIFailure) in try state.rendered(\.invoices, id) },
        "latest_invoice": { state, id throws(APIFailure) in try state.rendered(\.invoices, id) },
        "checkout_session": { state, id throws(APIFailure) in try state.rendered(\.sessions, id) },
        "setup_intent": { state, id throws(APIFailure) in state.renderSetupIntent(try state.setupIntentPosition(id)) },
    ]

    /// The requested fields, each once, in the order first asked.
    let fields: [String]

    /// What `request` asks to expand; nil when it asks for nothing. 400 for a boolean that is not
    /// `true`/`false` or a field no object can expand (dotted paths included: one level only).
    static func requested(_ request: APIRequest) throws(APIFailure) -> Expansion? {
        var fields: [String] = []
        func add(_ field: String, _ parameter: String) throws(APIFailure) {
            guard resolvers[field] != nil else {
                throw APIFailure(400, "invalid_expand",
                                 "\(parameter): \"\(field)\" cannot be expanded; expandable fields: \(resolvers.keys.sorted().joined(separator: ", "))")
            }
            if !fields.contains(field) { fields.append(field) }
        }
        for item in request.query {
            if item.name == "expand" {
                for part in item.value.split(separator: ",") {
                    let field = part.trimmingSpaces()
                    if !field.isEmpty { try add(field, "expand") }
                }
            } else if item.name.hasPrefix("expand_") {
                switch item.value {
                case "true": try add(String(item.name.dropFirst("expand_".count)), item.name)
                case "false": continue
                default: throw .invalid("\(item.name) must be true or false, not \"\(item.value)\"")
                }
            }
        }
        return fields.isEmpty ? nil : Expansion(fields: fields)
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

extension State {
    /// The object `id` names in `store`, rendered; 404 when it names none.
    func rendered<Object: Stored>(_ store: KeyPath<State, Store<Object>>, _ id: String) throws(APIFailure) -> JSON {
        let objects = self[keyPath: store]
        return objects[try objects.position(of: id)].rendered(in: self)
    }

    /// The answer with every requested field expanded in its object, or in each object of its list.
    /// A field the answered kind does not have is a 400 (Stripe's rule); a null stays null.
    func expand(_ response: APIResponse, _ expansion: Expansion) throws(APIFailure) -> APIResponse {
        guard case .object(var envelope) = response.body, envelope.count == 1, let entry = envelope.entries.first else {
            throw APIFailure(400, "invalid_expand", "this answer has no object to expand \(expansion.fields.joined(separator: ", ")) in")
        }
        switch entry.value {
        case .object(let object):
            envelope[entry.key] = .object(try expand(object, expansion, kind: entry.key))
        case .array(let elements):
            var expanded: [JSON] = []
            for element in elements {
                guard case .object(let object) = element else { expanded.append(element); continue }
                expanded.append(.object(try expand(object, expansion, kind: entry.key)))
            }
            envelope[entry.key] = .array(expanded)
        default:
            throw APIFailure(400, "invalid_expand", "this answer has no object to expand \(expansion.fields.joined(separator: ", ")) in")
        }
        var result = response
        result.body = .object(envelope)
        return result
    }

    private func expand(_ object: JSONObject, _ expansion: Expansion, kind: String) throws(APIFailure) -> JSONObject {
        var object = object
        for field in expansion.fields {
            guard let value = object[field] else {
                throw APIFailure(400, "invalid_expand", "\(field) cannot be expanded on \(kind): it has no \(field) field")
            }
            if case .string(let id) = value, let resolve = Expansion.resolvers[field] {
                object[field] = try resolve(self, id)
            }
        }
        return object
    }
}
