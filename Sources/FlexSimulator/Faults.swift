// Injected failures: the next N /v1 requests fail with a status, or the next N card charges decline.
import FlexAPI

struct Faults {
    struct RequestFault {
        var remaining: Int
        var status: Int
        var code: String
    }

    struct DeclineFault {
        var remaining: Int
        var declineCode: String
    }

    var requests: [RequestFault] = []
    var declines: [DeclineFault] = []

    mutating func takeRequestFault() -> APIFailure? {
        guard !requests.isEmpty else { return nil }
        let fault = requests[0]
        requests[0].remaining -= 1
        if requests[0].remaining <= 0 { requests.removeFirst() }
        return APIFailure(fault.status, fault.code, "simulated failure (HTTP \(fault.status)) injected by 'fail next'")
    }

    /// An injected failure is what the script asked to see: `Flex-Should-Retry: false` tells
    /// every client layer not to retry it away (as Stripe's clients honour `Stripe-Should-Retry`),
    /// so `fail next 1 requests with 503` fails the script's next request on every backend.
    static func final(_ response: APIResponse) -> APIResponse {
        var response = response
        response.headers.append(HTTPHeader(shouldRetryHeader, "false"))
        return response
    }

    static let shouldRetryHeader = "Flex-Should-Retry"

    mutating func takeDecline() -> String? {
        guard !declines.isEmpty else { return nil }
        let code = declines[0].declineCode
        declines[0].remaining -= 1
        if declines[0].remaining <= 0 { declines.removeFirst() }
        return code
    }
}

extension State {
    /// `POST /_sim/faults` `{"fault": {"kind": "request"|"decline", "count", "status", "code", "decline_code"}}`.
    mutating func addFault(_ request: APIRequest) throws(APIFailure) -> APIResponse {
        let body = try BodyReader.wrapped(request.body, "fault")
        let kind = try body.choice("kind", ["request", "decline"]) ?? "request"
        let count = try body.integer("count") ?? 1
        guard count >= 1 else { throw .invalid("fault.count must be an integer >= 1") }
        if kind == "request" {
            guard let status = try body.integer("status") else { throw .invalid("fault.status is required for a request fault") }
            guard (400...599).contains(status) else { throw .invalid("fault.status must be an HTTP error status 400-599, not \(status)") }
            let code = try body.string("code") ?? "simulated_failure"
            guard !code.isEmpty else { throw .invalid("fault.code must not be empty") }
            faults.requests.append(.init(remaining: count, status: status, code: code))
            return ok("fault", object(["kind": "request", "count": .integer(count), "status": .integer(status), "code": .string(code)]))
        }
        let code = try body.string("decline_code") ?? "generic_decline"
        guard !code.isEmpty else { throw .invalid("fault.decline_code must not be empty") }
        faults.declines.append(.init(remaining: count, declineCode: code))
        return ok("fault", object(["kind": "decline", "count": .integer(count), "decline_code": .string(code)]))
    }
}
