// Turns one HTTP request into an APIRequest for the sandbox it names, and its APIResponse back into HTTP.
import FlexAPI
import HTTPTypes
import Hummingbird
import NIOCore

/// Never throws: every failure becomes a Flex error response, so no input can take the server down.
struct FlexResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let sandboxes: SandboxDirectory
    let maxBodyBytes: Int
    let accessLog: @Sendable (String) -> Void

    /// `Flex-Sandbox`: which of the server's simulators answers (SandboxDirectory).
    static let sandboxField = HTTPField.Name(SandboxDirectory.header)!

    /// Request headers that are framing or credentials, not part of the API request.
    static let droppedHeaders: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "host", "content-length", "transfer-encoding", "connection",
        "keep-alive", "te", "upgrade", "expect", "flex-sandbox",
    ]

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        // The hosted checkout page (CheckoutPages) is HTML for a browser, not the API.
        let response = CheckoutPages.serves(request.uri.path)
            ? await CheckoutPages.respond(to: request, sandboxes: sandboxes)
            : FlexResponder.http(await self.answer(request))
        let elapsed = clock.now - start
        accessLog(AccessLog.line(method: request.method.rawValue, target: request.uri.string, status: response.status.code, elapsed: elapsed))
        return response
    }

    func answer(_ request: Request) async -> APIResponse {
        if let failure = FlexResponder.authorize(request.headers[.authorization]) { return failure }
        guard let method = FlexAPI.HTTPMethod(rawValue: request.method.rawValue) else {
            return .error(status: 405, code: "method_not_allowed",
                          message: "\(AccessLog.printable(request.method.rawValue, limit: 20)) is not allowed; use GET, POST, PATCH, PUT or DELETE")
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBodyBytes {
            return tooLarge()
        }
        var bodyBytes: [UInt8] = []
        do {
            for try await buffer in request.body {
                guard bodyBytes.count + buffer.readableBytes <= maxBodyBytes else { return tooLarge() }
                bodyBytes.append(contentsOf: buffer.readableBytesView)
            }
        } catch {
            return .error(status: 400, code: "invalid_request", message: "the request body could not be read")
        }
        guard let path = URIDecoding.decodePath(request.uri.path) else {
            return .error(status: 400, code: "invalid_request", message: "the request path has an invalid percent-escape")
        }
        guard let query = URIDecoding.decodeQuery(request.uri.query) else {
            return .error(status: 400, code: "invalid_request", message: "the query string has an invalid percent-escape")
        }
        var body: JSON?
        if !bodyBytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            do {
                body = try JSON.parse(bodyBytes)
            } catch {
                return .error(status: 400, code: "invalid_request", message: "the request body is not valid JSON: \(error.description)")
            }
        }
        var headers: [HTTPHeader] = []
        for field in request.headers where !FlexResponder.droppedHeaders.contains(field.name.canonicalName) {
            headers.append(HTTPHeader(field.name.rawName, field.value))
        }
        let sandbox = request.headers[FlexResponder.sandboxField]
        let response = sandboxes.handle(APIRequest(method, path, query: query, headers: headers, body: body), sandbox: sandbox)
        return await withDeliveryAttempts(response, method: method, path: path, sandbox: sandbox)
    }

    func tooLarge() -> APIResponse {
        .error(status: 413, code: "request_too_large", message: "the request body is larger than \(maxBodyBytes) bytes")
    }

    /// nil when the request carries `Bearer fsk_test_…`; otherwise the 401 Flex would send.
    static func authorize(_ header: String?) -> APIResponse? {
        guard let header, !header.isEmpty else {
            return .error(status: 401, code: "unauthorized", message: "no API key; send the header Authorization: Bearer fsk_test_…")
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            return .error(status: 401, code: "unauthorized", message: "the Authorization header must be Bearer followed by an API key")
        }
        let key = parts[1]
        guard key.hasPrefix("fsk_test_"), key.utf8.count > "fsk_test_".utf8.count else {
            return .error(status: 401, code: "unauthorized", message: "flex serve accepts only test-mode API keys (fsk_test_…)")
        }
        return nil
    }

    static func http(_ answer: APIResponse) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        for header in answer.headers {
            guard let name = HTTPField.Name(header.name), name != .contentType, name != .contentLength else { continue }
            fields.append(HTTPField(name: name, value: header.value))
        }
        let bytes = answer.body.serializedBytes()
        let status = (100...599).contains(answer.status) ? answer.status : 500
        return Response(status: HTTPResponse.Status(code: status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
