// The checkout page's form POST: fields read from application/x-www-form-urlencoded, checked, and
// turned into the `{"payment": {…}}` body of `POST /_sim/checkout/sessions/{id}/pay`.
import FlexAPI

struct CheckoutForm {
    /// One problem with what the shopper typed, shown in the error summary and beside its field.
    struct Problem: Equatable {
        /// The `id` of the input it concerns (nil for the whole form).
        var field: String?
        var message: String
    }

    /// A field longer than this is refused outright (no card, name or email is that long).
    static let maxFieldBytes = 320

    var email = ""
    var name = ""
    var cardNumber = ""
    var expiry = ""
    var cvc = ""
    var kind = ""
    var splitNumber = ""
    var splitExpiry = ""
    var splitCVC = ""
    var lmn = ""

    init() {}

    /// nil when the body is not form encoding (a bad percent-escape); repeated names keep the first value.
    init?(body: [UInt8]) {
        guard let items = URIDecoding.decodeQuery(String(decoding: body, as: UTF8.self)) else { return nil }
        var seen = Set<String>()
        for item in items where seen.insert(item.name).inserted {
            let value = item.value.trimmingSpaces
            switch item.name {
            case "email": email = value
            case "cardholder_name": name = value
            case "card_number": cardNumber = value
            case "card_expiry": expiry = value
            case "card_cvc": cvc = value
            case "card_kind": kind = value
            case "split_card_number": splitNumber = value
            case "split_card_expiry": splitExpiry = value
            case "split_card_cvc": splitCVC = value
            case "lmn": lmn = value
            default: break
            }
        }
    }

    /// The card kind chosen, or the page's default (an HSA/FSA card when the cart has eligible items).
    func cardKind(_ model: CheckoutPageModel) -> String {
        ["hsa", "fsa", "credit"].contains(kind) ? kind : (model.hsaFsaEligible || model.mode == "setup" ? "hsa" : "credit")
    }

    /// Whether this payment needs the second card: an HSA/FSA card on a split cart.
    func usesSplitCard(_ model: CheckoutPageModel) -> Bool { model.splitCart && cardKind(model) != "credit" }

    /// Whether this payment needs the consultation: an HSA/FSA card and letters still missing.
    func needsConsultation(_ model: CheckoutPageModel) -> Bool {
        !model.lettersNeeded.isEmpty && cardKind(model) != "credit" && model.mode != "setup"
    }

    /// Everything the page checks before asking the simulator, in the order the fields appear.
    func problems(_ model: CheckoutPageModel) -> [Problem] {
        var found: [Problem] = []
        for (field, value) in [("email", email), ("cardholder_name", name), ("card_number", cardNumber), ("card_expiry", expiry),
                               ("card_cvc", cvc), ("split_card_number", splitNumber), ("split_card_expiry", splitExpiry),
                               ("split_card_cvc", splitCVC)] where value.utf8.count > CheckoutForm.maxFieldBytes {
            found.append(Problem(field: field, message: "This field is longer than \(CheckoutForm.maxFieldBytes) characters."))
        }
        if !found.isEmpty { return found }
        if !kind.isEmpty && !["hsa", "fsa", "credit"].contains(kind) {
            found.append(Problem(field: "card_kind_hsa", message: "Choose the card type: HSA card, FSA card or another card."))
        }
        if model.needsEmail && email.isEmpty {
            found.append(Problem(field: "email", message: "Enter your email address, for the receipt."))
        } else if !email.isEmpty && !CheckoutForm.looksLikeEmail(email) {
            found.append(Problem(field: "email", message: "Enter an email address like name@example.com."))
        }
        if name.isEmpty { found.append(Problem(field: "cardholder_name", message: "Enter the name on the card.")) }
        found += cardProblems(number: cardNumber, expiry: expiry, cvc: cvc, prefix: "card", what: "the card", model)
        if usesSplitCard(model) {
            found += cardProblems(number: splitNumber, expiry: splitExpiry, cvc: splitCVC, prefix: "split_card",
                                  what: "the second card", model)
        }
        if needsConsultation(model) && lmn != "approved" && lmn != "denied" {
            found.append(Problem(field: "lmn_approved", message: "Answer the consultation for the letter of medical necessity."))
        }
        return found
    }

    /// A card's number (digits only here; the simulator checks length and Luhn), expiry and CVC.
    func cardProblems(number: String, expiry: String, cvc: String, prefix: String, what: String,
                      _ model: CheckoutPageModel) -> [Problem] {
        var found: [Problem] = []
        if number.isEmpty {
            found.append(Problem(field: prefix + "_number", message: "Enter the number of \(what)."))
        } else if !number.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x20 || $0 == 0x2D }) {
            found.append(Problem(field: prefix + "_number", message: "The number of \(what) may hold only digits and spaces."))
        }
        if let problem = CheckoutForm.expiryProblem(expiry, what: what, current: model.currentMonth) {
            found.append(Problem(field: prefix + "_expiry", message: problem))
        }
        let cvcDigits = cvc.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        if cvc.isEmpty || !cvcDigits || !(3...4).contains(cvc.utf8.count) {
            found.append(Problem(field: prefix + "_cvc", message: "Enter the 3 or 4 digit security code of \(what)."))
        }
        return found
    }

    /// `MM/YY` or `MM/YYYY` (spaces allowed), a real month, not before the simulator's month.
    static func expiryProblem(_ text: String, what: String, current: (year: Int, month: Int)) -> String? {
        let parts = text.split(separator: "/").map { $0.trimmingSpaces }
        guard parts.count == 2, let month = Int(parts[0]), let year = Int(parts[1]),
              parts[0].utf8.count <= 2, parts[1].utf8.count == 2 || parts[1].utf8.count == 4 else {
            return text.isEmpty ? "Enter the expiry date of \(what) as MM/YY." : "Enter the expiry date of \(what) as MM/YY, like 12/34."
        }
        guard (1...12).contains(month) else { return "The expiry month of \(what) must be 01 to 12." }
        let fullYear = parts[1].utf8.count == 2 ? 2000 + year : year
        if fullYear < current.year || (fullYear == current.year && month < current.month) {
            return "The expiry date of \(what) is in the past."
        }
        return nil
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }

    /// The request body `pay` sends for the same choices (docs/architecture.md, `/_sim/` routes).
    func paymentBody(_ model: CheckoutPageModel) -> JSON {
        var payment: JSONObject = ["card": .string(CheckoutForm.digits(cardNumber)), "card_kind": .string(cardKind(model))]
        if usesSplitCard(model) { payment["split_card"] = .string(CheckoutForm.digits(splitNumber)) }
        if needsConsultation(model) { payment["lmn"] = .string(lmn) }
        if !email.isEmpty { payment["email"] = .string(email) }
        return .object(["payment": .object(payment)])
    }

    static func digits(_ text: String) -> String { String(text.filter(\.isNumber)) }

    /// The last four digits, which the page may show back (never the whole number).
    static func last4(_ text: String) -> String { String(digits(text).suffix(4)) }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
