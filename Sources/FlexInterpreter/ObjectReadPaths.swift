// Where each kind of Flex object is read by its ID: the one prefix → GET path table `refresh` uses.
import FlexAPI
import FlexLanguage

enum ObjectReadPaths {
    /// The collection path an object's ID is appended to, by ID prefix. Payment methods live
    /// under their customer and are handled apart; objects missing here cannot be read alone.
    static let collections: [String: String] = [
        "fcs_": "/v1/checkout/sessions", "fcus_": "/v1/customers", "fprod_": "/v1/products",
        "fprice_": "/v1/prices", "fpi_": "/v1/payment_intents", "fre_": "/v1/refunds",
        "fcap_": "/v1/captures", "fbt_": "/v1/balance_transactions", "fsub_": "/v1/subscriptions",
        "fplink_": "/v1/payment_links", "fcoup_": "/v1/coupons", "fpromo_": "/v1/promo_codes",
        "fevt_": "/v1/events", "fshr_": "/v1/shipping_rates", "fwh_": "/v1/webhooks",
        "fseti_": "/v1/setup_intents", "flmn_": "/v1/consumer/letters", "finv_": "/v1/invoices",
        "fdp_": "/v1/disputes",
    ]

    static let paymentMethodPrefix = "fpm_"

    /// `GET` for the object `value` is or names: an object value (its own ID) or an ID. A payment
    /// method needs its customer, so only the object (which carries `customer`) can name one.
    static func request(for value: Value, span: SourceSpan) throws -> APIRequest {
        let id = try ownID(of: value, span: span)
        guard let prefix = Value.idPrefix(of: id) else {
            throw ScriptFailure.runtime("refresh needs a Flex object or its ID, got \(id)", at: span)
        }
        if prefix == paymentMethodPrefix {
            guard let customer = value.fieldText("customer") ?? value.fieldText("customer_id") else {
                throw ScriptFailure.runtime("refresh reads a payment method through its customer", at: span,
                                            help: "pass the payment method object (it carries its customer), not only its ID")
            }
            return APIRequest(.GET, "/v1/customers/" + PercentEncoding.segment(customer)
                                  + "/payment_methods/" + PercentEncoding.segment(id))
        }
        guard let collection = collections[prefix] else {
            throw ScriptFailure.runtime("refresh cannot read \(CommandArguments.noun(for: prefix)) objects (\(prefix)…) on their own", at: span)
        }
        return APIRequest(.GET, collection + "/" + PercentEncoding.segment(id))
    }

    /// An ID value, or the object's own ID field.
    static func ownID(of value: Value, span: SourceSpan) throws -> String {
        if let text = value.text { return text }
        if value.isRecord, let key = value.ownIDKey, let text = value.fieldText(key) { return text }
        throw ScriptFailure.runtime("refresh needs a Flex object or its ID, got \(value.kindDescription)", at: span)
    }
}
