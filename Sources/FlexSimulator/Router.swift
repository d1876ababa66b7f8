// Path matching: which handler answers a request, 404 for unknown paths, 405 for wrong methods.
import FlexAPI

enum Router {
    /// A 405 naming the allowed methods, when the path exists but the method does not.
    static func require(_ request: APIRequest, _ methods: [HTTPMethod]) throws(APIFailure) {
        guard methods.contains(request.method) else {
            let allowed = methods.map(\.rawValue).joined(separator: ", ")
            throw APIFailure(405, "method_not_allowed", "\(request.method.rawValue) is not allowed on \(request.path); use \(allowed)")
        }
    }

    /// The non-empty `/`-separated parts of a path, split on bytes (Character-wise split is slow).
    static func segments(_ path: String) -> [Substring] {
        var result: [Substring] = []
        let utf8 = path.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "/") {
                if start != index { result.append(path[start..<index]) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex { result.append(path[start..<utf8.endIndex]) }
        return result
    }

    static func notFound(_ request: APIRequest) -> APIFailure {
        APIFailure(404, "not_found", "no such endpoint: \(request.method.rawValue) \(request.path)")
    }
}

extension State {
    /// Everything but reset/seed/snapshots: lazy expiry, faults, idempotency, then the route.
    mutating func handle(_ request: APIRequest, _ segments: [Substring]) -> APIResponse {
        runDueWork()
        let isAPI = segments.first == "v1"
        if isAPI, let fault = faults.takeRequestFault() { return fault.response }

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
            response = try route(request, segments)
        } catch {
            return error.response
        }
        if let key, response.isSuccess {
            idempotency.store(key: key, fingerprint: fingerprint, response: response, now: now)
        }
        return response
    }

    mutating func route(_ request: APIRequest, _ segments: [Substring]) throws(APIFailure) -> APIResponse {
        // Substrings throughout: only the ID handed to a handler becomes a String.
        let method = request.method
        switch segments.first {
        case "v1": break
        case "_sim": return try routeSimulator(request, Array(segments.dropFirst()))
        default: throw Router.notFound(request)
        }
        let path = Array(segments.dropFirst())
        switch path.count {
        case 1:
            switch path[0] {
            case "customers":
                try Router.require(request, [.GET, .POST])
                return method == .GET ? try listCustomers(request) : try createCustomer(request)
            case "products":
                try Router.require(request, [.GET, .POST])
                return method == .GET ? try listProducts(request) : try createProduct(request)
            case "prices":
                try Router.require(request, [.GET, .POST])
                return method == .GET ? try listPrices(request) : try createPrice(request)
            case "payment_intents":
                try Router.require(request, [.GET])
                return try listPaymentIntents(request)
            case "refunds":
                try Router.require(request, [.GET, .POST])
                return method == .GET ? try listRefunds(request) : try createRefund(request)
            case "captures":
                try Router.require(request, [.GET])
                return try listCaptures(request)
            case "subscriptions":
                try Router.require(request, [.GET, .POST])
                return method == .GET ? try listSubscriptions(request) : try withInlinePrices { state throws(APIFailure) in try state.createSubscription(request) }
            case "coupons":
                try Router.require(request, [.GET, .POST])
                return method == .GET ? try listCoupons(request) : try createCoupon(request)
            case "promo_codes":
                try Router.require(request, [.GET, .POST])
                return method == .GET ? try listPromoCodes(request) : try createPromoCode(request)
            case "shipping_rates":
                try Router.require(request, [.GET, .POST])
                return method == .GET ? try listShippingRates(request) : try createShippingRate(request)
            case "balance_transactions":
                try Router.require(request, [.GET])
                return try listBalanceTransactions(request)
            case "webhooks":
                try Router.require(request, [.GET, .POST])
                return method == .GET ? try listWebhooks(request) : try createWebhook(request)
            case "payment_links":
                try Router.require(request, [.GET, .POST])
                return method == .GET ? try listPaymentLinks(request) : try withInlinePrices { state throws(APIFailure) in try state.createPaymentLink(request) }
            case "invoices":
                try Router.require(request, [.GET])
                return try listInvoices(request)
            case "events":
                try Router.require(request, [.GET])
                return try listAPIEvents(request)
            case "disputes":
                try Router.require(request, [.GET])
                return try listDisputes(request)
            case "setup_intents":
                try Router.require(request, [.GET, .POST])
                return method == .GET ? try listSetupIntents(request) : try createSetupIntent(request)
            default: break
            }
        case 2:
            let id = String(path[1])
            switch path[0] {
            case "customers":
                try Router.require(request, [.GET, .PATCH, .DELETE])
                switch method {
                case .GET: return try getCustomer(id)
                case .PATCH: return try updateCustomer(id, request)
                default: return try deleteCustomer(id)
                }
            case "products" where id == "processing_status":
                try Router.require(request, [.GET])
                // Test mode classifies at once, so nothing is ever pending.
                return APIResponse(status: 200, body: ["pending_classification": 0, "pending_classification_capped": false])
            case "products":
                try Router.require(request, [.GET, .PATCH])
                return method == .GET ? try getProduct(id) : try updateProduct(id, request)
            case "prices":
                try Router.require(request, [.GET, .POST])
                return method == .GET ? try getPrice(id) : try updatePrice(id, request)
            case "payment_intents":
                try Router.require(request, [.GET])
                return try getPaymentIntent(id)
            case "refunds":
                try Router.require(request, [.GET, .PATCH])
                return method == .GET ? try getRefund(id) : try updateRefund(id, request)
            case "captures":
                try Router.require(request, [.GET])
                return try getCapture(id)
            case "subscriptions":
                try Router.require(request, [.GET, .PATCH, .DELETE])
                switch method {
                case .GET: return try getSubscription(id)
                case .PATCH: return try withInlinePrices { state throws(APIFailure) in try state.updateSubscription(id, request) }
                default: return try cancelSubscription(id)
                }
            case "coupons":
                try Router.require(request, [.GET])
                return try getCoupon(id)
            case "promo_codes":
                try Router.require(request, [.GET])
                return try getPromoCode(id)
            case "shipping_rates":
                try Router.require(request, [.GET, .PATCH])
                return method == .GET ? try getShippingRate(id) : try updateShippingRate(id, request)
            case "balance_transactions":
                try Router.require(request, [.GET])
                return try getBalanceTransaction(id)
            case "webhooks":
                try Router.require(request, [.GET, .DELETE])
                return method == .GET ? try getWebhook(id) : try deleteWebhook(id)
            case "payment_links":
                try Router.require(request, [.GET, .PATCH])
                return method == .GET ? try getPaymentLink(id) : try updatePaymentLink(id, request)
            case "invoices":
                try Router.require(request, [.GET])
                return try getInvoice(id)
            case "events":
                try Router.require(request, [.GET])
                return try getEvent(id)
            case "disputes":
                try Router.require(request, [.GET, .POST])
                return method == .GET ? try getDispute(id) : try updateDispute(id, request)
            case "setup_intents":
                try Router.require(request, [.GET])
                return try getSetupIntent(id)
            case "checkout" where id == "sessions":
                try Router.require(request, [.GET, .POST])
                return method == .GET ? try listSessions(request) : try withInlinePrices { state throws(APIFailure) in try state.createSession(request) }
            default: break
            }
        case 3:
            if path[0] == "consumer" && path[1] == "letters" {
                try Router.require(request, [.GET])
                return try getLetter(String(path[2]))
            }
            if path[0] == "disputes" && path[2] == "close" {
                try Router.require(request, [.POST])
                return try acceptDispute(String(path[1]))
            }
            if path[0] == "payment_intents" && path[2] == "cancel" {
                try Router.require(request, [.POST])
                return try cancelPaymentIntent(String(path[1]))
            }
            if path[0] == "customers" && path[2] == "payment_methods" {
                try Router.require(request, [.GET])
                return try listPaymentMethods(customer: String(path[1]), request)
            }
            if path[0] == "checkout" && path[1] == "sessions" {
                try Router.require(request, [.GET])
                return try getSession(String(path[2]))
            }
        case 4:
            if path[0] == "consumer" && path[1] == "orders" && path[3] == "letters" {
                try Router.require(request, [.GET])
                return try listOrderLetters(String(path[2]))
            }
            if path[0] == "customers" && path[2] == "payment_methods" {
                try Router.require(request, [.GET])
                return try getPaymentMethod(customer: String(path[1]), String(path[3]))
            }
            if path[0] == "checkout" && path[1] == "sessions" {
                let id = String(path[2])
                switch path[3] {
                case "line_items":
                    try Router.require(request, [.GET])
                    return try listLineItems(id, request)
                case "refund":
                    try Router.require(request, [.POST])
                    return try refundSession(id, request)
                case "capture":
                    try Router.require(request, [.POST])
                    return try captureSession(id, request)
                case "cancel":
                    try Router.require(request, [.POST])
                    return try cancelSession(id)
                case "reauth":
                    try Router.require(request, [.POST])
                    return try reauthSession(id)
                case "refund_allocation":
                    try Router.require(request, [.POST])
                    return try previewRefundAllocation(id, request)
                case "capture_allocation":
                    try Router.require(request, [.POST])
                    return try previewCaptureAllocation(id, request)
                case "confirm":
                    try Router.require(request, [.POST])
                    return try confirmSession(id, request)
                default: break
                }
            }
        default: break
        }
        throw Router.notFound(request)
    }

    /// `/_sim/…` routes other than reset/seed/snapshots (those live in `Engine`).
    mutating func routeSimulator(_ request: APIRequest, _ path: [Substring]) throws(APIFailure) -> APIResponse {
        switch path {
        case ["clock"]:
            try Router.require(request, [.GET])
            return clockResponse()
        case ["clock", "advance"]:
            try Router.require(request, [.POST])
            return try advanceClock(request)
        case ["clock", "set"]:
            try Router.require(request, [.POST])
            return try setClock(request)
        case ["faults"]:
            try Router.require(request, [.POST])
            return try addFault(request)
        case ["events"]:
            try Router.require(request, [.GET])
            return try listEvents(request)
        case ["webhooks", "deliveries"]:
            try Router.require(request, [.GET])
            return try listWebhookDeliveries(request)
        case let p where p.count == 4 && p[0] == "checkout" && p[1] == "sessions" && p[3] == "pay":
            try Router.require(request, [.POST])
            return try paySession(String(p[2]), request)
        case let p where p.count == 4 && p[0] == "checkout" && p[1] == "sessions" && p[3] == "expire":
            try Router.require(request, [.POST])
            return try expireSession(String(p[2]))
        case let p where p.count == 4 && p[0] == "checkout" && p[1] == "sessions" && p[3] == "dispute":
            try Router.require(request, [.POST])
            return try disputeSession(String(p[2]), request)
        case let p where p.count == 3 && p[0] == "disputes" && p[2] == "resolve":
            try Router.require(request, [.POST])
            return try resolveDispute(String(p[1]), request)
        case let p where p.count == 3 && p[0] == "refunds" && p[2] == "settle":
            try Router.require(request, [.POST])
            return try settleRefund(String(p[1]), request)
        case let p where p.count == 3 && p[0] == "payment_links" && p[2] == "visit":
            try Router.require(request, [.POST])
            return try visitPaymentLink(String(p[1]), request)
        default:
            throw Router.notFound(request)
        }
    }
}

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
