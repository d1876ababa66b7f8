// One request through the state: lazy expiry, faults, idempotency, then the routing table.
import FlexAPI

extension State {
    /// Everything but reset/seed/snapshots: lazy expiry, faults, idempotency, then the route.
    mutating func handle(_ request: APIRequest, _ segments: [Substring]) -> APIResponse {
        runDueWork()
        let isAPI = segments.first == "v1"
        if isAPI, let fault = faults.takeRequestFault() { return Faults.final(fault.response) }

        let key = request.method == .GET ? nil : request.header("Idempotency-Key")
        let fingerprint = Fingerprint(method: request.method, path: request.path, body: key == nil ? nil : request.body)
        if let key {
            switch idempotency.lookup(key: key, fingerprint: fingerprint, now: now) {
            case .invalid(let failure): return failure.response
            case .conflict(let failure): return failure.response
            case .replay(let response): return response
            case .miss: break
            }
        }
        let response: APIResponse
        do throws(APIFailure) {
            response = try routeExpanding(request, segments, isAPI: isAPI)
        } catch {
            return error.response
        }
        if let key, response.isSuccess {
            idempotency.store(key: key, fingerprint: fingerprint, response: response, now: now)
        }
        return response
    }

    /// The route, then the `expand` parameters applied to its answer (Expansion.swift). A request
    /// whose expansion fails is answered 400 and leaves the state as it found it.
    mutating func routeExpanding(_ request: APIRequest, _ segments: [Substring], isAPI: Bool) throws(APIFailure) -> APIResponse {
        guard isAPI, let expansion = try Expansion.requested(request) else { return try route(request, segments) }
        let before = self
        let response = try route(request, segments)
        guard response.isSuccess else { return response }
        do throws(APIFailure) {
            return try expand(response, expansion)
        } catch {
            self = before
            throw error
        }
    }

    /// The table's handler for the path and method, or its 404/405.
    mutating func route(_ request: APIRequest, _ segments: [Substring]) throws(APIFailure) -> APIResponse {
        switch State.routes.match(request.method, segments) {
        case .found(let handler, let parameters): return try handler(&self, request, parameters)
        case .wrongMethod(let allowed): throw Router.methodNotAllowed(request, allowed)
        case .notFound: throw Router.notFound(request)
        }
    }
}
