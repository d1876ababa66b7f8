// `GET /pay/c/{id}` and its form `POST`: the hosted checkout page a session's redirect_url points at.
// Paying sends the same `POST /_sim/checkout/sessions/{id}/pay` that the language's `pay` sends,
// so the page obeys the same rules and emits the same events.
import FlexAPI
import FlexSimulator
import HTTPTypes
import Hummingbird
import NIOCore

/// Never throws; no body, method or session state makes it fail: each answer is an HTML page
/// (or the 303 to the shop's success_url). No API key is asked for: the shopper's browser has none.
struct CheckoutPages {
    let simulator: SimulatedFlex

    /// A form with every field at its limit is under 4 KiB; anything far above is not the page's form.
    static let maxFormBytes = 16 * 1024
    static let pathPrefix = "/pay/c/"

    /// A named sandbox's page lives under this prefix (`SandboxDirectory.CheckoutAddress`).
    static let sandboxPrefix = "/sandboxes/"

    static func serves(_ path: String) -> Bool { split(path) != nil }

    /// `/pay/c…` or `/sandboxes/NAME/pay/c…`: the sandbox named (nil: none) and the page part.
    static func split(_ path: String) -> (sandbox: String?, page: Substring)? {
        var page = Substring(path)
        var sandbox: String?
        if page.hasPrefix(sandboxPrefix) {
            let rest = page.dropFirst(sandboxPrefix.count)
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            sandbox = String(rest[..<slash])
            page = rest[slash...]
        }
        guard page == "/pay/c" || page.hasPrefix(pathPrefix) else { return nil }
        return (sandbox, page)
    }

    /// What a step found: the value to go on with, or the page to answer with at once.
    enum Step<Value> {
        case proceed(Value)
        case answer(Response)
    }

    /// The page at the request's address, in the simulator that holds its session.
    static func respond(to request: Request, sandboxes: SandboxDirectory) async -> Response {
        guard let (sandbox, pagePath) = split(request.uri.path), let decoded = URIDecoding.decodePath(String(pagePath)),
              decoded.hasPrefix(pathPrefix), case let id = String(decoded.dropFirst(pathPrefix.count)), !id.isEmpty, !id.contains("/") else {
            return page(404, CheckoutPageRenderer.problemPage(
                heading: "Checkout not found", text: "A checkout page's address is /pay/c/ followed by a checkout session ID (fcs_…)."))
        }
        guard let simulator = sandboxes.pageSimulator(sandbox: sandbox, session: id) else {
            return page(404, CheckoutPageRenderer.problemPage(
                heading: "Checkout not found", text: "There is no checkout session \(id) on this flex serve."))
        }
        return await CheckoutPages(simulator: simulator).respond(to: request, id: id)
    }

    func respond(to request: Request, id: String) async -> Response {
        switch request.method {
        case .get: return show(id)
        case .post: return await pay(id, request)
        default:
            var response = CheckoutPages.page(405, CheckoutPageRenderer.problemPage(
                heading: "Method not allowed", text: "A checkout page answers GET (the page) and POST (its form) only."))
            response.headers[.allow] = "GET, POST"
            return response
        }
    }

    /// The page, or what became of the session.
    func show(_ id: String) -> Response {
        switch lookUp(id) {
        case .answer(let response): return response
        case .proceed(let model): return CheckoutPages.page(200, CheckoutPageRenderer.checkout(model))
        }
    }

    /// The session's model when it is open and payable here; otherwise the page to answer with.
    /// `closedStatus` is the status of the page for a session that is no longer open.
    func lookUp(_ id: String, closedStatus: Int = 200) -> Step<CheckoutPageModel> {
        guard let view = simulator.checkoutPageView(id), let model = CheckoutPageModel(view: view) else {
            return .answer(CheckoutPages.page(404, CheckoutPageRenderer.problemPage(
                heading: "Checkout not found", text: "There is no checkout session \(id) on this flex serve.")))
        }
        guard model.status == "open" else {
            return .answer(CheckoutPages.page(closedStatus, CheckoutPageRenderer.state(model)))
        }
        guard model.mode != "reimbursement" && model.mode != "off_session" else {
            return .answer(CheckoutPages.page(409, CheckoutPageRenderer.problemPage(
                heading: "Not paid on this page",
                text: "Checkout session \(id) is in mode \(model.mode): it has no card payment to make here. "
                    + "Complete a reimbursement's intake with the pay command (docs/language.md).")))
        }
        return .proceed(model)
    }

    /// The form POST: read, check, pay through the simulator, then redirect or show the page again.
    func pay(_ id: String, _ request: Request) async -> Response {
        let model: CheckoutPageModel
        switch lookUp(id, closedStatus: 409) {
        case .answer(let response): return response
        case .proceed(let found): model = found
        }
        let form: CheckoutForm
        switch await CheckoutPages.readForm(request) {
        case .answer(let response): return response
        case .proceed(let read): form = read
        }
        let problems = form.problems(model)
        guard problems.isEmpty else {
            return CheckoutPages.page(422, CheckoutPageRenderer.checkout(model, form: form, problems: problems))
        }
        let answer = simulator.handle(APIRequest(.POST, "/_sim/checkout/sessions/\(model.id)/pay", body: form.paymentBody(model)))
        guard answer.isSuccess else { return refused(FlexError(response: answer), model, form) }
        let session = answer.body["checkout_session"]
        let paid = model.with(status: session?["status"]?.stringValue ?? "complete")
        if let url = paid.filledSuccessURL, HTML.isNavigable(url) {
            return Response(status: .seeOther, headers: [.location: url, .cacheControl: "no-store"])
        }
        return CheckoutPages.page(200, CheckoutPageRenderer.state(paid))
    }

    /// The form again, with the simulator's reason; a card number is never shown back in full.
    func refused(_ error: FlexError, _ model: CheckoutPageModel, _ form: CheckoutForm) -> Response {
        switch error.code {
        case "card_declined":
            // "the card ending in 0002 was declined (generic_decline)": the last four digits only.
            let reason = error.message.prefix(1).uppercased() + error.message.dropFirst()
            let page = CheckoutPageRenderer.checkout(model, form: form, failure: "\(reason). Try another card.")
            return CheckoutPages.page(402, page)
        case "invalid_card_number":
            // The simulator's message quotes the number; the page names the field instead.
            let split = error.message.hasPrefix("payment.split_card")
            let problem = CheckoutForm.Problem(field: split ? "split_card_number" : "card_number",
                                               message: "The number of \(split ? "the second card" : "the card") is not valid: "
                                                   + "it needs 12 to 19 digits that pass the Luhn check.")
            return CheckoutPages.page(422, CheckoutPageRenderer.checkout(model, form: form, problems: [problem]))
        default:
            let page = CheckoutPageRenderer.checkout(model, form: form, failure: "\(error.message) (\(error.code))")
            return CheckoutPages.page(error.status >= 400 && error.status < 600 ? error.status : 422, page)
        }
    }

    /// The body as a form, or the page explaining why it is not one (too large, wrong type, garbage).
    static func readForm(_ request: Request) async -> Step<CheckoutForm> {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else {
            return .answer(page(415, CheckoutPageRenderer.problemPage(
                heading: "Unsupported form", text: "The checkout form is sent as application/x-www-form-urlencoded, not \(type.isEmpty ? "without a Content-Type" : type).")))
        }
        let tooLarge = page(413, CheckoutPageRenderer.problemPage(
            heading: "Form too large", text: "The checkout form is larger than \(maxFormBytes) bytes; nothing was paid."))
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxFormBytes { return .answer(tooLarge) }
        var bytes: [UInt8] = []
        do {
            for try await buffer in request.body {
                guard bytes.count + buffer.readableBytes <= maxFormBytes else { return .answer(tooLarge) }
                bytes.append(contentsOf: buffer.readableBytesView)
            }
        } catch {
            return .answer(page(400, CheckoutPageRenderer.problemPage(heading: "Form not received", text: "The form could not be read; nothing was paid.")))
        }
        guard let form = CheckoutForm(body: bytes) else {
            return .answer(page(400, CheckoutPageRenderer.problemPage(
                heading: "Form not readable", text: "The form has an invalid percent-escape; nothing was paid.")))
        }
        return .proceed(form)
    }

    /// An HTML answer: never cached (it shows a session's state), no script may run in it.
    static func page(_ status: Int, _ html: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: HTTPResponse.Status(code: status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: Array(html.utf8))))
    }
}
