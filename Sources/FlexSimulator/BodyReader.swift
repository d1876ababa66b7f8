// Typed, path-aware access to request fields: wrong types become 400s that name the field.
import FlexAPI

struct BodyReader {
    let object: JSONObject
    /// Where this object sits in the body, for messages: `checkout_session.line_items[1]`.
    let path: String

    init(_ object: JSONObject, path: String) {
        self.object = object
        self.path = path
    }

    /// Reads `{"wrapper": {...}}` from a request body; a missing or non-object wrapper is a 400.
    static func wrapped(_ body: JSON?, _ wrapper: String) throws(APIFailure) -> BodyReader {
        guard let body, case .object(let outer) = body else {
            throw .invalid("the request body must be a JSON object {\"\(wrapper)\": {...}}")
        }
        guard let inner = outer[wrapper] else {
            throw .invalid("missing \"\(wrapper)\" wrapper: the body must be {\"\(wrapper)\": {...}}")
        }
        guard case .object(let object) = inner else { throw .invalid("\(wrapper) must be an object") }
        return BodyReader(object, path: wrapper)
    }

    /// Like `wrapped`, but an absent body (or `{}`) is an empty object (action endpoints).
    static func optionalWrapped(_ body: JSON?, _ wrapper: String) throws(APIFailure) -> BodyReader {
        guard let body, body != .null else { return BodyReader(JSONObject(), path: wrapper) }
        if case .object(let outer) = body, outer.isEmpty { return BodyReader(JSONObject(), path: wrapper) }
        return try wrapped(body, wrapper)
    }

    func name(_ key: String) -> String { "\(path).\(key)" }

    func has(_ key: String) -> Bool { object[key] != nil }

    /// A present, non-null value.
    func value(_ key: String) -> JSON? {
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    func string(_ key: String) throws(APIFailure) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else { throw .invalid("\(name(key)) must be a string") }
        return text
    }

    func requiredString(_ key: String) throws(APIFailure) -> String {
        guard let text = try string(key), !text.isEmpty else { throw .invalid("\(name(key)) is required") }
        return text
    }

    func integer(_ key: String) throws(APIFailure) -> Int? {
        guard let value = value(key) else { return nil }
        guard case .integer(let number) = value else { throw .invalid("\(name(key)) must be an integer") }
        return number
    }

    func bool(_ key: String) throws(APIFailure) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else { throw .invalid("\(name(key)) must be true or false") }
        return flag
    }

    func objectValue(_ key: String) throws(APIFailure) -> JSONObject? {
        guard let value = value(key) else { return nil }
        guard case .object(let object) = value else { throw .invalid("\(name(key)) must be an object") }
        return object
    }

    func array(_ key: String) throws(APIFailure) -> [JSON]? {
        guard let value = value(key) else { return nil }
        guard case .array(let elements) = value else { throw .invalid("\(name(key)) must be an array") }
        return elements
    }

    /// `metadata`: an object, or (as Create Customer's example sends it) a string. A string holding a
    /// JSON object is that object, as the same page's answer shows `"metadata": {}`; any other
    /// string is kept as given.
    func metadata(_ key: String = "metadata") throws(APIFailure) -> JSON? {
        guard let value = value(key) else { return nil }
        switch value {
        case .string(let text):
            if text.first == "{", let parsed = try? JSON.parse(text), case .object = parsed { return parsed }
            return value
        case .object: return value
        default: throw .invalid("\(name(key)) must be an object")
        }
    }

    /// A string that must be one of `choices`.
    func choice(_ key: String, _ choices: [String]) throws(APIFailure) -> String? {
        guard let text = try string(key) else { return nil }
        guard choices.contains(text) else {
            throw .invalid("\(name(key)) must be one of \(choices.joined(separator: ", ")), not \"\(text)\"")
        }
        return text
    }
}
