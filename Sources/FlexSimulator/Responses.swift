// The shapes every handler answers with: a one-key wrapper, an ordered object, optional strings.
import FlexAPI

/// Helpers every handler uses to answer.
func ok(_ wrapper: String, _ value: JSON) -> APIResponse {
    APIResponse(status: 200, body: .object(JSONObject([JSONObject.Entry(key: wrapper, value: value)])))
}

/// Builds an object from key/value pairs in order, in O(n) (the literal form dedups in O(n²)).
func object(_ pairs: KeyValuePairs<String, JSON>) -> JSON {
    var entries: [JSONObject.Entry] = []
    entries.reserveCapacity(pairs.count)
    for (key, value) in pairs { entries.append(JSONObject.Entry(key: key, value: value)) }
    return .object(JSONObject(entries))
}

extension Optional where Wrapped == String {
    var json: JSON {
        switch self {
        case .some(let text): .string(text)
        case .none: .null
        }
    }
}
