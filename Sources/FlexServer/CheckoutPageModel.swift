// The checkout page's facts about one session, read from the simulator's page view (plain values).
import FlexAPI

struct CheckoutPageModel {
    struct Line {
        var name: String
        var quantity: Int
        var unitAmount: Int?
        var amount: Int
        var discount: Int
        var eligibility: String

        var isEligible: Bool { eligibility != "not_eligible" }
        /// What the page says about the line's HSA/FSA eligibility.
        var eligibilityText: String {
            switch eligibility {
            case "not_eligible": "Not HSA/FSA eligible"
            case "letter_of_medical_necessity": "HSA/FSA eligible with a letter of medical necessity"
            case "prescription": "HSA/FSA eligible (prescription)"
            case "vision": "HSA/FSA eligible (vision)"
            case "service": "HSA/FSA eligible (service)"
            default: "HSA/FSA eligible"
            }
        }
    }

    var id: String
    var status: String
    var mode: String
    var lines: [Line]
    var subtotal: Int
    var discount: Int
    var shipping: Int
    var shippingName: String?
    var tax: Int
    var total: Int
    var hsaFsaEligible: Bool
    var splitCart: Bool
    /// LMN products an HSA/FSA payment needs a consultation for (no valid letter yet).
    var lettersNeeded: [String]
    var successURL: String?
    var cancelURL: String?
    var manualCapture: Bool
    var needsEmail: Bool
    var defaultEmail: String?
    /// ISO times from the simulator's clock.
    var now: String
    var expiresAt: String

    /// What the HSA/FSA card pays on a split cart: the eligible lines after their discounts.
    var eligibleAmount: Int {
        min(total, lines.reduce(0) { $0 + ($1.isEligible ? $1.amount - $1.discount : 0) })
    }

    /// The simulator's clock year and month, against which a card's expiry is checked.
    var currentMonth: (year: Int, month: Int) {
        let digits = Array(now.utf8.prefix(7))
        let year = Int(String(decoding: digits.prefix(4), as: UTF8.self)) ?? 2026
        let month = Int(String(decoding: digits.suffix(2), as: UTF8.self)) ?? 1
        return (year, month)
    }

    init?(view: JSON) {
        guard let session = view["checkout_session"], let id = session["checkout_session_id"]?.stringValue else { return nil }
        self.id = id
        status = session["status"]?.stringValue ?? "open"
        mode = session["mode"]?.stringValue ?? "payment"
        lines = (view["line_items"]?.arrayValue ?? []).map(CheckoutPageModel.line)
        let details = session["total_details"]
        subtotal = session["amount_subtotal"]?.integerValue ?? 0
        discount = details?["amount_discount"]?.integerValue ?? 0
        shipping = details?["amount_shipping"]?.integerValue ?? 0
        shippingName = session["shipping_options"]?["display_name"]?.stringValue
        tax = details?["amount_tax"]?.integerValue ?? 0
        total = session["amount_total"]?.integerValue ?? 0
        hsaFsaEligible = session["hsa_fsa_eligible"]?.boolValue ?? false
        splitCart = session["split_cart"]?.boolValue ?? false
        lettersNeeded = (view["letters_needed"]?.arrayValue ?? []).compactMap(\.stringValue)
        successURL = session["success_url"]?.stringValue
        cancelURL = session["cancel_url"]?.stringValue
        manualCapture = session["capture_method"]?.stringValue == "manual"
        defaultEmail = session["defaults"]?["email"]?.stringValue
        // Flex makes the paying customer from the email unless the session already names one.
        needsEmail = (session["customer"]?.stringValue ?? defaultEmail) == nil
        now = view["now"]?.stringValue ?? ""
        expiresAt = view["expires_at"]?.stringValue ?? ""
    }

    static func line(_ item: JSON) -> Line {
        let amount = item["amount_subtotal"]?.integerValue ?? 0
        return Line(name: item["description"]?.stringValue ?? item["product_name"]?.stringValue ?? "Item",
                    quantity: item["quantity"]?.integerValue ?? 1,
                    unitAmount: item["price"]?["unit_amount"]?.integerValue,
                    amount: amount,
                    discount: item["amount_discount"]?.integerValue ?? 0,
                    eligibility: item["eligibility"]?.stringValue ?? "not_eligible")
    }

    /// The same session after the payment, for the page shown when there is no success_url.
    func with(status: String) -> CheckoutPageModel {
        var copy = self
        copy.status = status
        return copy
    }

    /// `success_url` with `{CHECKOUT_SESSION_ID}` replaced, as Flex and Stripe fill it in.
    var filledSuccessURL: String? {
        successURL.map { $0.replacing("{CHECKOUT_SESSION_ID}", with: id) }
    }
}
