// The hosted checkout page over loopback: every flow a shopper can take, paid through the same
// /_sim/ pay route as the language's `pay`, and every bad form answered with a page.
import FlexAPI
import FlexHTTP
import FlexServer
import FlexSimulator
import Testing

/// One answer of the page: status, raw head and HTML body.
struct PageAnswer {
    var status: Int
    var head: String
    var body: String

    func header(_ name: String) -> String? {
        for line in head.split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == name.lowercased() { return String(parts[1].drop { $0 == " " }) }
        }
        return nil
    }
}

/// A GET or a form POST to the page, on a fresh connection (the browser's view of the server).
func pageRequest(port: Int, _ path: String, method: String = "GET", form: String? = nil,
                 contentType: String = "application/x-www-form-urlencoded") async -> PageAnswer {
    var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
    if let form { text += "Content-Type: \(contentType)\r\nContent-Length: \(form.utf8.count)\r\n\r\n\(form)" } else { text += "\r\n" }
    let raw = await rawExchange(port: port, text)
    let split = raw.firstRange(of: "\r\n\r\n")
    let head = split.map { String(raw[..<$0.lowerBound]) } ?? raw
    let body = split.map { String(raw[$0.upperBound...]) } ?? ""
    let status = Int(head.dropFirst("HTTP/1.1 ".count).prefix(3)) ?? 0
    return PageAnswer(status: status, head: head, body: body)
}

/// A card that pays: the form fields for the main card.
let goodCard = "cardholder_name=Ada+Lovelace&card_number=4242+4242+4242+4242&card_expiry=12%2F34&card_cvc=123"

/// Makes products and prices and one session over the API; returns the session's JSON.
func makeSession(_ flex: any FlexBackend, items: [(name: String, eligibility: String, cents: Int, quantity: Int)],
                 extra: JSONObject = [:]) async throws -> JSON {
    var lines: [JSON] = []
    for item in items {
        let product = try await flex.send(APIRequest(.POST, "/v1/products", body: ["product": ["name": .string(item.name), "hsa_fsa_eligibility": .string(item.eligibility)]]))
        let price = try await flex.send(APIRequest(.POST, "/v1/prices", body: ["price": [
            "product": product.body["product"]?["product_id"] ?? .null, "unit_amount": .integer(item.cents)]]))
        lines.append(["price": price.body["price"]?["price_id"] ?? .null, "quantity": .integer(item.quantity)])
    }
    var fields: JSONObject = ["line_items": .array(lines), "success_url": "https://shop.example/done?session={CHECKOUT_SESSION_ID}",
                              "cancel_url": "https://shop.example/cart"]
    for entry in extra { fields[entry.key] = entry.value }
    let session = try await flex.send(APIRequest(.POST, "/v1/checkout/sessions", body: ["checkout_session": .object(fields)]))
    #expect(session.status == 200, "\(session.body.serialized())")
    return session.body["checkout_session"] ?? .null
}

func sessionID(_ session: JSON) -> String { session["checkout_session_id"]?.stringValue ?? "" }

let thermometer = (name: "Thermometer", eligibility: "auto_substantiation", cents: 2499, quantity: 2)
let candy = (name: "Candy bar", eligibility: "not_eligible", cents: 199, quantity: 3)
let cpap = (name: "CPAP machine", eligibility: "letter_of_medical_necessity", cents: 45_000, quantity: 1)

@Suite("the hosted checkout page of flex serve")
struct CheckoutPageTests {
    @Test func redirectURLPointsAtTheServerAndThePageShowsTheCart() async throws {
        try await withServer { port, flex, log in
            let session = try await makeSession(flex, items: [thermometer, candy])
            let id = sessionID(session)
            #expect(session["redirect_url"]?.stringValue == "http://127.0.0.1:\(port)/pay/c/\(id)")
            let page = await pageRequest(port: port, "/pay/c/\(id)")
            #expect(page.status == 200)
            #expect(page.header("Content-Type") == "text/html; charset=utf-8")
            #expect(page.header("Content-Security-Policy")?.contains("default-src 'none'") == true)
            for text in ["TEST MODE", "<details><summary>Test cards</summary>", "Thermometer", "Candy bar", "$24.99", "$49.98", "$5.97",
                         "$55.95", "Not HSA/FSA eligible", "Pay $55.95", "autocomplete=\"cc-number\"", "autocomplete=\"cc-exp\"",
                         "autocomplete=\"cc-csc\"", "autocomplete=\"cc-name\"", "autocomplete=\"email\"",
                         "autocomplete=\"section-split cc-number\"", "Second card for the items HSA/FSA does not cover",
                         "that card pays $49.98", "other $5.97", "href=\"https://shop.example/cart\""] {
                #expect(page.body.contains(text), "missing \(text)")
            }
            #expect(!page.body.contains("Letter of medical necessity</legend>"))
            #expect(log.all.contains { $0.hasPrefix("GET /pay/c/\(id) 200 ") })
        }
    }

    @Test func payingOnThePageIsPayingWithPay() async throws {
        try await withServer { port, flex, _ in
            let id = sessionID(try await makeSession(flex, items: [thermometer]))
            let local = SimulatedFlex(seed: 42)
            local.setCheckoutBaseURL("http://127.0.0.1:\(port)")
            _ = try await makeSession(local, items: [thermometer])
            let form = goodCard + "&card_kind=hsa&email=ada%40example.com"
            let answer = await pageRequest(port: port, "/pay/c/\(id)", method: "POST", form: form)
            #expect(answer.status == 303)
            #expect(answer.header("Location") == "https://shop.example/done?session=\(id)")
            let paid = local.handle(APIRequest(.POST, "/_sim/checkout/sessions/\(id)/pay",
                                               body: ["payment": ["card": "4242424242424242", "card_kind": "hsa", "email": "ada@example.com"]]))
            #expect(paid.status == 200)
            // Same rules, same events, same objects: byte for byte.
            for path in ["/_sim/events", "/v1/checkout/sessions/\(id)", "/v1/customers", "/v1/payment_intents"] {
                let remote = try await flex.send(APIRequest(.GET, path))
                #expect(remote.body.serialized() == local.handle(APIRequest(.GET, path)).body.serialized(), "\(path)")
            }
            let after = await pageRequest(port: port, "/pay/c/\(id)")
            #expect(after.status == 200 && after.body.contains("Payment complete") && !after.body.contains("<form"))
            let again = await pageRequest(port: port, "/pay/c/\(id)", method: "POST", form: form)
            #expect(again.status == 409 && again.body.contains("Payment complete"))
        }
    }

    @Test func aDeclineShowsTheReasonAndKeepsTheFormWithoutTheNumber() async throws {
        try await withServer { port, flex, _ in
            let id = sessionID(try await makeSession(flex, items: [thermometer]))
            let form = "email=ada%40example.com&cardholder_name=Ada&card_number=4000000000000002&card_expiry=12%2F34&card_cvc=123&card_kind=fsa"
            let answer = await pageRequest(port: port, "/pay/c/\(id)", method: "POST", form: form)
            #expect(answer.status == 402)
            #expect(answer.body.contains("The card ending in 0002 was declined (generic_decline). Try another card."))
            #expect(answer.body.contains("role=\"alert\""))
            #expect(answer.body.contains("<form") && answer.body.contains("value=\"ada@example.com\"") && answer.body.contains("value=\"12/34\""))
            #expect(answer.body.contains("id=\"card_kind_fsa\" value=\"fsa\" checked"))
            #expect(!answer.body.contains("value=\"4000") && !answer.body.contains("value=\"123\""))
            let session = try await flex.send(APIRequest(.GET, "/v1/checkout/sessions/\(id)"))
            #expect(session.body["checkout_session"]?["status"] == "open")
        }
    }

    @Test func theLetterOfMedicalNecessityStep() async throws {
        try await withServer { port, flex, _ in
            let id = sessionID(try await makeSession(flex, items: [cpap]))
            let page = await pageRequest(port: port, "/pay/c/\(id)")
            #expect(page.body.contains("Letter of medical necessity</legend>") && page.body.contains("CPAP machine needs a letter"))
            let base = goodCard + "&email=ada%40example.com&card_kind=hsa"
            let missing = await pageRequest(port: port, "/pay/c/\(id)", method: "POST", form: base)
            #expect(missing.status == 422 && missing.body.contains("Answer the consultation"))
            let denied = await pageRequest(port: port, "/pay/c/\(id)", method: "POST", form: base + "&lmn=denied")
            #expect(denied.status == 422 && denied.body.contains("letter_of_medical_necessity_denied"))
            let approved = await pageRequest(port: port, "/pay/c/\(id)", method: "POST", form: base + "&lmn=approved")
            #expect(approved.status == 303)
            let session = try await flex.send(APIRequest(.GET, "/v1/checkout/sessions/\(id)"))
            #expect(session.body["checkout_session"]?["status"] == "complete")
            #expect(session.body["checkout_session"]?["fees"]?.arrayValue?.first?["fee_type"] == "lmn_consultation")
        }
    }

    @Test func theSplitCart() async throws {
        try await withServer { port, flex, _ in
            let id = sessionID(try await makeSession(flex, items: [thermometer, candy]))
            let base = goodCard + "&email=ada%40example.com&card_kind=hsa"
            let missing = await pageRequest(port: port, "/pay/c/\(id)", method: "POST", form: base)
            #expect(missing.status == 422 && missing.body.contains("Enter the number of the second card."))
            let split = base + "&split_card_number=5555555555554444&split_card_expiry=01%2F30&split_card_cvc=321"
            let paid = await pageRequest(port: port, "/pay/c/\(id)", method: "POST", form: split)
            #expect(paid.status == 303)
            let session = try await flex.send(APIRequest(.GET, "/v1/checkout/sessions/\(id)"))
            #expect(session.body["checkout_session"]?["payment_intents"]?.arrayValue?.count == 2)
            #expect(session.body["checkout_session"]?["amount_received"] == 5595)
        }
    }

    @Test func aCreditCardPaysAMixedCartAloneAndIgnoresTheSecondCard() async throws {
        try await withServer { port, flex, _ in
            let id = sessionID(try await makeSession(flex, items: [thermometer, candy]))
            let form = goodCard + "&email=ada%40example.com&card_kind=credit&split_card_number=&lmn="
            #expect(await pageRequest(port: port, "/pay/c/\(id)", method: "POST", form: form).status == 303)
            let session = try await flex.send(APIRequest(.GET, "/v1/checkout/sessions/\(id)"))
            #expect(session.body["checkout_session"]?["payment_intents"]?.arrayValue?.count == 1)
        }
    }

    @Test func expiredUnknownAndClosedSessionsShowTheirState() async throws {
        try await withServer { port, flex, _ in
            let id = sessionID(try await makeSession(flex, items: [thermometer]))
            _ = try await flex.send(APIRequest(.POST, "/_sim/clock/advance", body: ["clock": ["seconds": 86_401]]))
            let expired = await pageRequest(port: port, "/pay/c/\(id)")
            #expect(expired.status == 200 && expired.body.contains("Checkout expired") && !expired.body.contains("<form"))
            #expect(expired.body.contains("href=\"https://shop.example/cart\""))
            let post = await pageRequest(port: port, "/pay/c/\(id)", method: "POST", form: goodCard)
            #expect(post.status == 409 && post.body.contains("Checkout expired"))
            let unknown = await pageRequest(port: port, "/pay/c/fcs_01JNOPE")
            #expect(unknown.status == 404 && unknown.body.contains("There is no checkout session fcs_01JNOPE"))
            #expect(await pageRequest(port: port, "/pay/c/").status == 404)
            #expect(await pageRequest(port: port, "/pay/c/\(id)/extra").status == 404)
            let put = await pageRequest(port: port, "/pay/c/\(id)", method: "PUT", form: "")
            #expect(put.status == 405 && put.header("Allow") == "GET, POST")
        }
    }

    @Test func sessionTextIsEscapedAndOnlyWebURLsBecomeLinks() async throws {
        try await withServer { port, flex, _ in
            let hostile = (name: "<script>alert('x')</script> & \"friends\"", eligibility: "auto_substantiation", cents: 100, quantity: 1)
            let session = try await makeSession(flex, items: [hostile], extra: [
                "cancel_url": "javascript:alert(1)", "success_url": "https://shop.example/ok\"><script>",
                "defaults": ["email": "\"><script>alert(2)</script>@x.co"]])
            let page = await pageRequest(port: port, "/pay/c/\(sessionID(session))")
            #expect(page.status == 200)
            #expect(!page.body.contains("<script") && !page.body.contains("javascript:"))
            #expect(page.body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;friends&quot;"))
            #expect(page.body.contains("value=\"&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;@x.co\""))
        }
    }

    @Test func badFormsGetAPageNeverACrash() async throws {
        try await withServer { port, flex, _ in
            let id = sessionID(try await makeSession(flex, items: [thermometer]))
            let path = "/pay/c/\(id)"
            let empty = await pageRequest(port: port, path, method: "POST", form: "")
            #expect(empty.status == 422)
            for message in ["Enter your email address", "Enter the name on the card.", "Enter the number of the card.",
                            "Enter the expiry date of the card as MM/YY.", "Enter the 3 or 4 digit security code of the card."] {
                #expect(empty.body.contains(message), "missing \(message)")
            }
            #expect(empty.body.contains("href=\"#card_number\"") && empty.body.contains("aria-invalid=\"true\""))
            let garbage = await pageRequest(port: port, path, method: "POST", form: "\u{1}\u{2}&&==&card_number=abc&card_expiry=13%2F99&card_kind=gold&email=nope")
            #expect(garbage.status == 422)
            for message in ["may hold only digits", "must be 01 to 12", "Choose the card type", "like name@example.com"] {
                #expect(garbage.body.contains(message), "missing \(message)")
            }
            let past = await pageRequest(port: port, path, method: "POST", form: goodCard.replacing("12%2F34", with: "11%2F25"))
            #expect(past.body.contains("is in the past"))
            let luhn = await pageRequest(port: port, path, method: "POST", form: goodCard.replacing("4242+4242+4242+4242", with: "4242424242424241") + "&email=a%40b.co")
            #expect(luhn.status == 422 && luhn.body.contains("pass the Luhn check") && !luhn.body.contains("4242424242424241"))
            #expect(await pageRequest(port: port, path, method: "POST", form: "email=%zz").status == 400)
            #expect(await pageRequest(port: port, path, method: "POST", form: "{\"card\":1}", contentType: "application/json").status == 415)
            let huge = await pageRequest(port: port, path, method: "POST", form: "email=" + String(repeating: "a", count: 20_000))
            #expect(huge.status == 413 && huge.body.contains("larger than 16384 bytes"))
            let long = await pageRequest(port: port, path, method: "POST", form: "cardholder_name=" + String(repeating: "b", count: 400))
            #expect(long.status == 422 && long.body.contains("longer than 320 characters"))
            // Nothing above paid or changed the session.
            let session = try await flex.send(APIRequest(.GET, "/v1/checkout/sessions/\(id)"))
            #expect(session.body["checkout_session"]?["status"] == "open" && session.body["checkout_session"]?["payment_intents"] == [])
        }
    }

    @Test func viewingThePageUsesNoFaultAndMovesNoClock() async throws {
        try await withServer { port, flex, _ in
            let id = sessionID(try await makeSession(flex, items: [thermometer]))
            let before = try await flex.send(APIRequest(.GET, "/_sim/clock"))
            _ = try await flex.send(APIRequest(.POST, "/_sim/faults", body: ["fault": ["kind": "request", "count": 1, "status": 503]]))
            #expect(await pageRequest(port: port, "/pay/c/\(id)").status == 200)
            #expect(try await flex.send(APIRequest(.GET, "/v1/customers")).status == 503)
            #expect(try await flex.send(APIRequest(.GET, "/_sim/clock")).body == before.body)
        }
    }

    @Test func aPublicCheckoutURLAndNoSuccessURL() async throws {
        try await withServer(checkoutURL: "https://pay.shop.test") { port, flex, _ in
            let product = try await flex.send(APIRequest(.POST, "/v1/products", body: ["product": ["name": "Gauze", "hsa_fsa_eligibility": "auto_substantiation"]]))
            let price = try await flex.send(APIRequest(.POST, "/v1/prices", body: ["price": ["product": product.body["product"]?["product_id"] ?? .null, "unit_amount": 500]]))
            let session = try await flex.send(APIRequest(.POST, "/v1/checkout/sessions", body: ["checkout_session": [
                "line_items": [["price": price.body["price"]?["price_id"] ?? .null, "quantity": 1]]]]))
            let id = session.body["checkout_session"]?["checkout_session_id"]?.stringValue ?? ""
            #expect(session.body["checkout_session"]?["redirect_url"]?.stringValue == "https://pay.shop.test/pay/c/\(id)")
            let paid = await pageRequest(port: port, "/pay/c/\(id)", method: "POST", form: goodCard + "&email=a%40b.co")
            #expect(paid.status == 200 && paid.body.contains("Payment complete") && paid.body.contains("$5.00 was paid"))
            // sim reset keeps the page base: it is the server's address, not state.
            _ = try await flex.send(APIRequest(.POST, "/_sim/reset"))
            let fresh = try await makeSession(flex, items: [thermometer])
            #expect(fresh["redirect_url"]?.stringValue?.hasPrefix("https://pay.shop.test/pay/c/") == true)
        }
    }
}
