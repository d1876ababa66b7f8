// The checkout page's pieces without a server: escaping, money text, the form's checks and body,
// and the page rendered from an in-process simulator's view (setup mode, discounts, manual capture).
import FlexAPI
@testable import FlexServer
import FlexSimulator
import Testing

@Suite("checkout page rendering")
struct CheckoutPageRenderingTests {
    @Test func escapingAndLinks() {
        #expect(HTML.escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTML.escape("plain text") == "plain text")
        #expect(HTML.isNavigable("https://shop.example/ok?a=1"))
        #expect(!HTML.isNavigable("javascript:alert(1)") && !HTML.isNavigable("https://x.co/a b") && !HTML.isNavigable("https://x.co/\r\nSet-Cookie: a"))
    }

    @Test func moneyIsIntegerCents() {
        #expect(MoneyText.dollars(0) == "$0.00")
        #expect(MoneyText.dollars(5) == "$0.05")
        #expect(MoneyText.dollars(123_456_789) == "$1,234,567.89")
        #expect(MoneyText.dollars(-1500) == "\u{2212}$15.00")
        #expect(MoneyText.dollars(Int.min).hasPrefix("\u{2212}$92,233,720,368,547,758."))
    }

    @Test func theFormBodyIsWhatPaySends() throws {
        let simulator = SimulatedFlex(seed: 7)
        let model = try #require(Self.model(simulator, eligibilities: ["auto_substantiation", "not_eligible", "letter_of_medical_necessity"]))
        #expect(model.splitCart && model.lettersNeeded == ["item 2"])
        let form = try #require(CheckoutForm(body: Array("card_number=4242-4242-4242-4242&card_kind=fsa&split_card_number=5555+5555+5555+4444&lmn=approved&email=a%40b.co&card_kind=credit".utf8)))
        #expect(form.paymentBody(model) == ["payment": ["card": "4242424242424242", "card_kind": "fsa", "split_card": "5555555555554444",
                                                        "lmn": "approved", "email": "a@b.co"]])
        var credit = form
        credit.kind = "credit"
        #expect(credit.paymentBody(model) == ["payment": ["card": "4242424242424242", "card_kind": "credit", "email": "a@b.co"]])
        #expect(CheckoutForm(body: Array("a=%G0".utf8)) == nil)
    }

    @Test func expiryChecks() {
        let now = (year: 2026, month: 3)
        #expect(CheckoutForm.expiryProblem("03/26", what: "x", current: now) == nil)
        #expect(CheckoutForm.expiryProblem(" 4 / 2031 ", what: "x", current: now) == nil)
        #expect(CheckoutForm.expiryProblem("02/26", what: "x", current: now)?.contains("past") == true)
        #expect(CheckoutForm.expiryProblem("00/30", what: "x", current: now)?.contains("01 to 12") == true)
        #expect(CheckoutForm.expiryProblem("1230", what: "x", current: now)?.contains("MM/YY") == true)
        #expect(CheckoutForm.expiryProblem("12/345", what: "x", current: now)?.contains("MM/YY") == true)
    }

    @Test func setupSessionsSaveACardWithoutACart() throws {
        let simulator = SimulatedFlex(seed: 7)
        let created = simulator.handle(APIRequest(.POST, "/v1/checkout/sessions", body: ["checkout_session": ["mode": "setup"]]))
        let id = try #require(created.body["checkout_session"]?["checkout_session_id"]?.stringValue)
        let model = try #require(simulator.checkoutPageView(id).flatMap(CheckoutPageModel.init(view:)))
        let html = CheckoutPageRenderer.checkout(model)
        #expect(html.contains("Save card") && !html.contains("Order summary") && !html.contains("Second card"))
    }

    @Test func discountsShippingAndTaxAreShown() throws {
        let simulator = SimulatedFlex(seed: 7)
        let product = simulator.handle(APIRequest(.POST, "/v1/products", body: ["product": ["name": "Brace", "hsa_fsa_eligibility": "auto_substantiation"]]))
        let price = simulator.handle(APIRequest(.POST, "/v1/prices", body: ["price": ["product": product.body["product"]?["product_id"] ?? .null, "unit_amount": 10_000]]))
        let coupon = simulator.handle(APIRequest(.POST, "/v1/coupons", body: ["coupon": ["name": "TEN", "percent_off": 10]]))
        let rate = simulator.handle(APIRequest(.POST, "/v1/shipping_rates", body: ["shipping_rate": ["display_name": "Ground", "amount": 700]]))
        let created = simulator.handle(APIRequest(.POST, "/v1/checkout/sessions", body: ["checkout_session": [
            "line_items": [["price": price.body["price"]?["price_id"] ?? .null, "quantity": 1]],
            "discounts": [["coupon": coupon.body["coupon"]?["coupon_id"] ?? .null]],
            "shipping_options": ["shipping_rate_id": rate.body["shipping_rate"]?["shipping_rate_id"] ?? .null],
            "tax_rate": ["amount": 250], "capture_method": "manual"]]))
        let id = try #require(created.body["checkout_session"]?["checkout_session_id"]?.stringValue, "\(created.body.serialized())")
        let model = try #require(simulator.checkoutPageView(id).flatMap(CheckoutPageModel.init(view:)))
        let html = CheckoutPageRenderer.checkout(model)
        #expect(model.discount > 0 && model.shipping == 700 && model.tax > 0)
        for text in ["Discount", "\u{2212}\(MoneyText.dollars(model.discount))", "Shipping (Ground)", "$7.00", "Tax",
                     "Pay \(MoneyText.dollars(model.total))", "the shop captures the payment later"] {
            #expect(html.contains(text), "missing \(text)")
        }
    }

    /// A payment session with one line per eligibility, named "item 0", "item 1", …
    static func model(_ simulator: SimulatedFlex, eligibilities: [String]) -> CheckoutPageModel? {
        var lines: [JSON] = []
        for (index, eligibility) in eligibilities.enumerated() {
            let product = simulator.handle(APIRequest(.POST, "/v1/products", body: ["product": ["name": .string("item \(index)"), "hsa_fsa_eligibility": .string(eligibility)]]))
            let price = simulator.handle(APIRequest(.POST, "/v1/prices", body: ["price": ["product": product.body["product"]?["product_id"] ?? .null, "unit_amount": 1000]]))
            lines.append(["price": price.body["price"]?["price_id"] ?? .null, "quantity": 1])
        }
        let created = simulator.handle(APIRequest(.POST, "/v1/checkout/sessions", body: ["checkout_session": ["line_items": .array(lines)]]))
        guard let id = created.body["checkout_session"]?["checkout_session_id"]?.stringValue else { return nil }
        return simulator.checkoutPageView(id).flatMap(CheckoutPageModel.init(view:))
    }
}
