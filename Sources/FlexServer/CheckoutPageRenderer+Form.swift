// The checkout page's payment form: contact, card type, card, the split cart's second card and the
// letter-of-medical-necessity consultation, as a plain form POST that needs no JavaScript.

extension CheckoutPageRenderer {
    /// The page of an open session. `problems` come from the form check, `failure` from the
    /// simulator (a decline); the form keeps what was typed except card numbers and security codes.
    static func checkout(_ model: CheckoutPageModel, form: CheckoutForm = CheckoutForm(), problems: [CheckoutForm.Problem] = [],
                         failure: String? = nil) -> String {
        var main = "<h1>Checkout</h1>\n"
        main += errorSummary(problems, failure: failure)
        if model.mode != "setup" { main += summary(model) }
        main += "<form class=\"card\" method=\"post\" action=\"/pay/c/\(HTML.escape(model.id))\">\n"
        main += contactAndKind(model, form, problems)
        main += cardFields(prefix: "card", legend: "Card", nameSection: "", form: form, problems: problems, expiry: form.expiry)
        if model.splitCart && model.mode != "setup" { main += splitCard(model, form, problems) }
        if !model.lettersNeeded.isEmpty && model.mode != "setup" { main += consultation(model, form, problems) }
        main += actions(model)
        main += "</form>\n"
        return document(title: "Checkout", main: main)
    }

    /// The problems and the simulator's answer, at the top; it takes the focus (autofocus) so a
    /// keyboard or screen-reader user hears what went wrong, and links to each field.
    static func errorSummary(_ problems: [CheckoutForm.Problem], failure: String?) -> String {
        guard !problems.isEmpty || failure != nil else { return "" }
        var items = ""
        if let failure { items += "<li>\(HTML.escape(failure))</li>" }
        for problem in problems {
            let text = HTML.escape(problem.message)
            items += problem.field.map { "<li><a href=\"#\($0)\">\(text)</a></li>" } ?? "<li>\(text)</li>"
        }
        let heading = failure != nil ? "Payment not completed" : "Check what you entered"
        return """
        <div class="error-summary" role="alert" tabindex="-1" autofocus id="errors">
        <h2>\(heading)</h2>
        <ul>\(items)</ul>
        </div>\n
        """
    }

    static func contactAndKind(_ model: CheckoutPageModel, _ form: CheckoutForm, _ problems: [CheckoutForm.Problem]) -> String {
        let email = form.email.isEmpty ? (model.defaultEmail ?? "") : form.email
        var html = "<fieldset><legend>Contact</legend>\n"
        html += input(id: "email", label: "Email", type: "email", autocomplete: "email", value: email, required: model.needsEmail,
                      hint: model.needsEmail ? nil : "Optional: the shop already knows who you are.", problems: problems)
        html += "</fieldset>\n<fieldset><legend>Card type</legend>\n"
        let chosen = form.cardKind(model)
        let hint = model.hsaFsaEligible
            ? "An HSA or FSA card pays for the HSA/FSA-eligible items; another card pays for anything."
            : "No item in this order is HSA/FSA eligible, so an HSA or FSA card will be refused."
        html += "<p class=\"hint\">\(HTML.escape(hint))</p>\n"
        for (value, text) in [("hsa", "HSA card"), ("fsa", "FSA card"), ("credit", "Another credit or debit card")] {
            let checked = value == chosen ? " checked" : ""
            html += "<div class=\"choice\"><input type=\"radio\" name=\"card_kind\" id=\"card_kind_\(value)\" value=\"\(value)\"\(checked)>"
                + "<label for=\"card_kind_\(value)\">\(text)</label></div>\n"
        }
        html += fieldError("card_kind_hsa", problems)
        return html + "</fieldset>\n"
    }

    /// Name, number, expiry and security code of one card; `nameSection` prefixes the autocomplete
    /// tokens of the second card (`section-split cc-number`) so a browser fills the two apart.
    static func cardFields(prefix: String, legend: String, nameSection: String, form: CheckoutForm, problems: [CheckoutForm.Problem],
                           expiry: String, required: Bool = true, intro: String? = nil) -> String {
        var html = "<fieldset><legend>\(HTML.escape(legend))</legend>\n"
        if let intro { html += "<p class=\"hint\">\(HTML.escape(intro))</p>\n" }
        if prefix == "card" {
            html += input(id: "cardholder_name", label: "Name on card", autocomplete: "cc-name", value: form.name, required: true, problems: problems)
        }
        html += input(id: prefix + "_number", label: "Card number", autocomplete: nameSection + "cc-number", numeric: true,
                      required: required, problems: problems)
        html += "<div class=\"row\"><div>\n"
        html += input(id: prefix + "_expiry", label: "Expiry date (MM/YY)", autocomplete: nameSection + "cc-exp", value: expiry,
                      required: required, problems: problems)
        html += "</div><div>\n"
        html += input(id: prefix + "_cvc", label: "Security code", autocomplete: nameSection + "cc-csc", numeric: true,
                      required: required, problems: problems)
        return html + "</div></div>\n</fieldset>\n"
    }

    static func splitCard(_ model: CheckoutPageModel, _ form: CheckoutForm, _ problems: [CheckoutForm.Problem]) -> String {
        let eligible = MoneyText.dollars(model.eligibleAmount)
        let rest = MoneyText.dollars(model.total - model.eligibleAmount)
        let intro = "This order mixes HSA/FSA-eligible items with others. With an HSA or FSA card, that card pays \(eligible) "
            + "for the eligible items and this second card pays the other \(rest). Not needed when you pay everything with another card."
        return cardFields(prefix: "split_card", legend: "Second card for the items HSA/FSA does not cover", nameSection: "section-split ",
                          form: form, problems: problems, expiry: form.splitExpiry, required: false, intro: intro)
    }

    static func consultation(_ model: CheckoutPageModel, _ form: CheckoutForm, _ problems: [CheckoutForm.Problem]) -> String {
        let names = model.lettersNeeded.map(HTML.escape).joined(separator: ", ")
        var html = "<fieldset><legend>Letter of medical necessity</legend>\n"
        html += "<p>To pay with an HSA or FSA card, \(names) needs a letter of medical necessity. A short telehealth consultation "
            + "issues it (its fee is charged to the shop). Not needed when you pay with another card.</p>\n"
        html += "<p class=\"hint\">Test mode: choose the clinician's answer.</p>\n"
        for (value, text) in [("approved", "Consultation approved: issue the letter"), ("denied", "Consultation denied: no letter")] {
            let checked = form.lmn == value ? " checked" : ""
            html += "<div class=\"choice\"><input type=\"radio\" name=\"lmn\" id=\"lmn_\(value)\" value=\"\(value)\"\(checked)>"
                + "<label for=\"lmn_\(value)\">\(text)</label></div>\n"
        }
        html += fieldError("lmn_approved", problems)
        return html + "</fieldset>\n"
    }

    static func actions(_ model: CheckoutPageModel) -> String {
        let label = model.mode == "setup" || model.total == 0 ? "Save card" : "Pay \(MoneyText.dollars(model.total))"
        var html = "<div class=\"actions\"><button type=\"submit\">\(label)</button>\n"
        if let cancel = model.cancelURL, HTML.isNavigable(cancel) {
            html += "<a href=\"\(HTML.escape(cancel))\" id=\"cancel\">Cancel and return to the shop</a>\n"
        }
        html += "</div>\n"
        if model.manualCapture { html += "<p class=\"hint\">Your card is authorized now; the shop captures the payment later.</p>\n" }
        return html
    }

    /// One labelled text input, with its error beside it (`aria-invalid`, `aria-describedby`).
    static func input(id: String, label: String, type: String = "text", autocomplete: String, value: String = "", numeric: Bool = false,
                      required: Bool, hint: String? = nil, problems: [CheckoutForm.Problem]) -> String {
        var described: [String] = []
        var html = "<label for=\"\(id)\">\(HTML.escape(label))</label>\n"
        if let hint {
            html += "<p class=\"hint\" id=\"\(id)-hint\">\(HTML.escape(hint))</p>\n"
            described.append(id + "-hint")
        }
        let error = fieldError(id, problems)
        if !error.isEmpty { described.append(id + "-error") }
        html += "<input type=\"\(type)\" id=\"\(id)\" name=\"\(id)\" autocomplete=\"\(autocomplete)\""
        if numeric { html += " inputmode=\"numeric\"" }
        if !value.isEmpty { html += " value=\"\(HTML.escape(value))\"" }
        if required { html += " required" }
        if !error.isEmpty { html += " aria-invalid=\"true\"" }
        if !described.isEmpty { html += " aria-describedby=\"\(described.joined(separator: " "))\"" }
        return html + ">\n" + error
    }

    static func fieldError(_ id: String, _ problems: [CheckoutForm.Problem]) -> String {
        guard let problem = problems.first(where: { $0.field == id }) else { return "" }
        return "<p class=\"field-error\" id=\"\(id)-error\">\(HTML.escape(problem.message))</p>\n"
    }
}
