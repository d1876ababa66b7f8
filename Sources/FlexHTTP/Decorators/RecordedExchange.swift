// One request/response pair as a JSON line: the file format of --record and --replay.
import FlexAPI

/// A request and what answered it (a response, or the transport error's message).
public struct RecordedExchange: Hashable, Sendable {
    public var request: APIRequest
    public var outcome: Outcome

    public enum Outcome: Hashable, Sendable {
        case response(APIResponse)
        case transportError(String)
    }

    public init(request: APIRequest, outcome: Outcome) {
        self.request = request
        self.outcome = outcome
    }

    /// Headers that carry credentials or session state; never written to a recording.
    static let secretHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie"]

    /// The request as it is recorded and matched: credential headers dropped.
    static func normalized(_ request: APIRequest) -> APIRequest {
        var copy = request
        copy.headers.removeAll { secretHeaders.contains($0.name.lowercased()) }
        return copy
    }

    /// `{"request": {...}, "response": {...}}` or `{"request": {...}, "error": "..."}`, compact.
    public var json: JSON {
        var requestObject: JSONObject = ["method": .string(request.method.rawValue), "path": .string(request.path)]
        if !request.query.isEmpty { requestObject["query"] = .array(request.query.map { [.string($0.name), .string($0.value)] }) }
        let headers = request.headers.filter { !Self.secretHeaders.contains($0.name.lowercased()) }
        if !headers.isEmpty { requestObject["headers"] = Self.encode(headers) }
        if let body = request.body { requestObject["body"] = body }
        var line: JSONObject = ["request": .object(requestObject)]
        switch outcome {
        case .response(let response):
            var responseObject: JSONObject = ["status": .integer(response.status)]
            let responseHeaders = response.headers.filter { !Self.secretHeaders.contains($0.name.lowercased()) }
            if !responseHeaders.isEmpty { responseObject["headers"] = Self.encode(responseHeaders) }
            responseObject["body"] = response.body
            line["response"] = .object(responseObject)
        case .transportError(let message):
            line["error"] = .string(message)
        }
        return .object(line)
    }

    /// Reads one recorded line; the message says what is missing.
    public init(json: JSON) throws(TransportError) {
        guard let request = json["request"], let methodName = request["method"]?.stringValue,
              let method = HTTPMethod(rawValue: methodName), let path = request["path"]?.stringValue
        else { throw TransportError("a recorded line has no request with a method and path") }
        var query: [QueryItem] = []
        for pair in request["query"]?.arrayValue ?? [] {
            guard let items = pair.arrayValue, items.count == 2, let name = items[0].stringValue, let value = items[1].stringValue
            else { throw TransportError("a recorded query item is not a [name, value] pair") }
            query.append(QueryItem(name, value))
        }
        let headers = try Self.decode(request["headers"])
        self.request = APIRequest(method, path, query: query, headers: headers, body: request["body"])
        if let response = json["response"] {
            guard let status = response["status"]?.integerValue else { throw TransportError("a recorded response has no status") }
            outcome = .response(APIResponse(status: status, headers: try Self.decode(response["headers"]), body: response["body"] ?? .null))
        } else if let message = json["error"]?.stringValue {
            outcome = .transportError(message)
        } else {
            throw TransportError("a recorded line has neither a response nor an error")
        }
    }

    static func encode(_ headers: [HTTPHeader]) -> JSON {
        .array(headers.map { [.string($0.name), .string($0.value)] })
    }

    static func decode(_ json: JSON?) throws(TransportError) -> [HTTPHeader] {
        var headers: [HTTPHeader] = []
        for pair in json?.arrayValue ?? [] {
            guard let items = pair.arrayValue, items.count == 2, let name = items[0].stringValue, let value = items[1].stringValue
            else { throw TransportError("a recorded header is not a [name, value] pair") }
            headers.append(HTTPHeader(name, value))
        }
        return headers
    }
}
