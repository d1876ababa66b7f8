// The checkout page's HTML: the document shell with the TEST MODE banner, the order summary, and
// the pages for a session that cannot be paid (complete, expired, unknown). The form is in +Form.
// Every piece of text goes through HTML.escape; amounts through MoneyText (integer cents).

enum CheckoutPageRenderer {
    /// The test cards worth knowing on this page (docs/simulator.md lists every one).
    static let testCards: [(number: String, effect: String)] = [
        ("4242 4242 4242 4242", "succeeds"),
        ("4000 0566 5566 5556", "succeeds (a debit card)"),
        ("4000 0000 0000 0002", "is declined (generic_decline)"),
        ("4000 0000 0000 9995", "is declined (insufficient_funds)"),
        ("4000 0000 0000 0069", "is declined (expired_card)"),
        ("4000 0000 0000 0127", "is declined (incorrect_cvc)"),
        ("4000 0000 0000 0259", "succeeds, then the bank disputes it (fraudulent)"),
        ("4000 0000 0000 0341", "succeeds here, declines later off-session charges"),
    ]

    /// A whole document: banner, then `main`.
    static func document(title: String, main: String) -> String {
        var cards = ""
        for card in testCards {
            cards += "<li><code>\(card.number)</code> \(HTML.escape(card.effect))</li>"
        }
        return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title)) · flex serve (test mode)</title>
        <style>\(CheckoutPageStyle.css)</style>
        </head>
        <body>
        <header class="test-mode">
        <p><strong>TEST MODE</strong> · This checkout is served by flex serve, a simulator of Flex: no real card is charged.</p>
        <details><summary>Test cards</summary>
        <p>Use any future expiry date (MM/YY) and any 3-digit security code. You choose the card type (HSA, FSA or another card) below.</p>
        <ul>\(cards)</ul>
        </details>
        </header>
        <main>
        \(main)
        </main>
        </body>
        </html>
        """
    }

    /// The cart: one row per line item with its HSA/FSA eligibility, then discount, shipping, tax, total.
    static func summary(_ model: CheckoutPageModel) -> String {
        var rows = ""
        for line in model.lines {
            let unit = line.unitAmount.map(MoneyText.dollars) ?? ""
            let eligibility = "<span class=\"\(line.isEligible ? "eligible" : "ineligible")\">\(HTML.escape(line.eligibilityText))</span>"
            rows += "<tr><th scope=\"row\">\(HTML.escape(line.name))<br>\(eligibility)</th>"
                + "<td class=\"num\">\(line.quantity)</td><td class=\"num\">\(unit)</td><td class=\"num\">\(MoneyText.dollars(line.amount))</td></tr>\n"
        }
        var totals = "<tr><th scope=\"row\" colspan=\"3\">Subtotal</th><td class=\"num\">\(MoneyText.dollars(model.subtotal))</td></tr>\n"
        if model.discount != 0 {
            totals += "<tr><th scope=\"row\" colspan=\"3\">Discount</th><td class=\"num\">\(MoneyText.dollars(-model.discount))</td></tr>\n"
        }
        if model.shipping != 0 || model.shippingName != nil {
            let name = model.shippingName.map { "Shipping (\(HTML.escape($0)))" } ?? "Shipping"
            totals += "<tr><th scope=\"row\" colspan=\"3\">\(name)</th><td class=\"num\">\(MoneyText.dollars(model.shipping))</td></tr>\n"
        }
        if model.tax != 0 {
            totals += "<tr><th scope=\"row\" colspan=\"3\">Tax</th><td class=\"num\">\(MoneyText.dollars(model.tax))</td></tr>\n"
        }
        totals += "<tr class=\"total\"><th scope=\"row\" colspan=\"3\">Total due</th><td class=\"num\" id=\"total\">\(MoneyText.dollars(model.total))</td></tr>\n"
        return """
        <section class="card" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Order summary</h2>
        <table>
        <thead><tr><th scope="col">Item</th><th scope="col" class="num">Quantity</th><th scope="col" class="num">Unit price</th><th scope="col" class="num">Amount</th></tr></thead>
        <tbody>
        \(rows)</tbody>
        <tfoot>
        \(totals)</tfoot>
        </table>
        </section>
        """
    }

    /// A session that is not open: what happened to it, and the way back to the shop.
    static func state(_ model: CheckoutPageModel) -> String {
        let (title, text): (String, String)
        var link: (url: String?, text: String) = (model.filledSuccessURL, "Return to the shop")
        switch model.status {
        case "complete":
            (title, text) = ("Payment complete", "This checkout is complete: \(MoneyText.dollars(model.total)) was paid. There is nothing more to pay here.")
        case "paid":
            (title, text) = ("Payment authorized", "This checkout is paid: \(MoneyText.dollars(model.total)) is authorized and will be captured by the shop.")
        case "expired":
            (title, text) = ("Checkout expired", "This checkout session expired at \(model.expiresAt) and can no longer be paid. Start again from the shop.")
            link.url = model.cancelURL
        default:
            (title, text) = ("Checkout canceled", "This checkout session was canceled and can no longer be paid.")
            link.url = model.cancelURL
        }
        return document(title: title, main: message(heading: title, text: text, link: link.url, linkText: link.text, id: model.id))
    }

    /// A short page: heading, one paragraph, an optional link back to the shop.
    static func message(heading: String, text: String, link: String? = nil, linkText: String = "Return to the shop", id: String? = nil) -> String {
        var html = "<section class=\"card\"><h1>\(HTML.escape(heading))</h1>\n<p class=\"state\">\(HTML.escape(text))</p>\n"
        if let id { html += "<p>Checkout session <code>\(HTML.escape(id))</code></p>\n" }
        if let link, HTML.isNavigable(link) { html += "<p><a href=\"\(HTML.escape(link))\">\(HTML.escape(linkText))</a></p>\n" }
        return html + "</section>"
    }

    /// A page for a request the page cannot serve (unknown session, bad form, wrong method).
    static func problemPage(heading: String, text: String) -> String {
        document(title: heading, main: message(heading: heading, text: text))
    }
}
