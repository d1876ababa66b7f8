// The one-line echo of a result at the prompt: an object as its type, ID, status and amount;
// a list as its size and first IDs; anything else as `print` writes it.
import FlexInterpreter

enum ResultSummary {
    static let amountKeys = ["amount_total", "unit_amount", "amount", "amount_captured"]

    static func line(for value: Value) -> String {
        if let elements = value.listElements {
            guard !elements.isEmpty else { return "[] (empty list)" }
            let ids = elements.prefix(3).compactMap(objectID)
            guard ids.count == min(3, elements.count) else { return truncate(value.printed) }
            let more = elements.count > 3 ? ", …" : ""
            let noun = elements.count == 1 ? "item" : "items"
            return "\(elements.count) \(noun): " + ids.joined(separator: ", ") + more
        }
        guard value.isRecord, let id = objectID(value) else { return truncate(value.printed) }
        return ([value.objectTypeName, id] + details(of: value)).joined(separator: " ")
    }

    /// The summary without the ID, shown beside the ID when Tab lists it: `customer ada@example.com`.
    static func hint(for object: Value) -> String {
        ([object.objectTypeName] + details(of: object)).joined(separator: " ")
    }

    /// Status, e-mail or name, amount in dollars, event type: what tells one object from another.
    static func details(of value: Value) -> [String] {
        var parts: [String] = []
        if let status = value.field("status")?.text { parts.append(status) }
        if let email = value.field("email")?.text { parts.append(email) }
        if let name = value.field("name")?.text, value.field("status") == nil { parts.append("\"\(name)\"") }
        for key in amountKeys {
            if case .integer(let cents)? = value.field(key) {
                parts.append(dollars(cents))
                break
            }
        }
        if let event = value.field("event_type")?.text { parts.append(event) }
        return parts
    }

    static func objectID(_ value: Value) -> String? {
        guard let key = value.ownIDKey else { return nil }
        return value.field(key)?.text
    }

    static func dollars(_ cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)$\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static func truncate(_ text: String, limit: Int = 200) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
