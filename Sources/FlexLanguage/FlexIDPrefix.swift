// The prefixes that make a word a Flex ID literal (docs/flex-api.md §1.3, plus the simulator's own
// choices for objects whose real prefix is undocumented: fre_, fevt_, fli_, fshr_, fwh_, fseti_, flmn_, finv_, fwhd_,
// fsubi_, fdp_).

public enum FlexIDPrefix {
    /// Longest first, so `fcapi_` wins over `fcap_`.
    public static let all: [String] = [
        "fwhsec_", "fprice_", "fplink_", "fpromo_", "fcapi_", "fprod_", "fcoup_", "fcons_",
        "fcus_", "fsub_", "fcap_", "ffee_", "fevt_", "fcs_", "fpm_", "fpi_", "fbt_", "fsh_",
        "fre_", "fli_", "fshr_", "fwh_", "fseti_", "flmn_", "finv_", "fwhd_", "fsubi_", "fdp_",
    ].sorted { $0.count > $1.count }

    /// The prefix of `word` when it is a Flex ID: a known prefix followed by at least one
    /// ASCII letter or digit, and nothing but letters and digits after it.
    public static func prefix(of word: some StringProtocol) -> String? {
        for prefix in all where word.hasPrefix(prefix) {
            let body = word.dropFirst(prefix.count)
            guard !body.isEmpty, body.utf8.allSatisfy({ byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            }) else { return nil }
            return prefix
        }
        return nil
    }

    /// The JSON key an object uses for its own ID, by prefix: `fcus_` → `customer_id`.
    public static let objectIDKeys: [String: String] = [
        "fcs_": "checkout_session_id", "fcus_": "customer_id", "fprod_": "product_id",
        "fprice_": "price_id", "fpm_": "payment_method_id", "fpi_": "payment_intent_id",
        "fcap_": "capture_id", "fcapi_": "capture_item_id", "fbt_": "balance_transaction_id",
        "fsub_": "subscription_id", "fplink_": "payment_link_id", "fcoup_": "coupon_id",
        "fpromo_": "promo_code_id", "fsh_": "shipping_address_id", "ffee_": "fee_id",
        "fcons_": "consultation_id", "fre_": "refund_id", "fevt_": "event_id", "fli_": "line_item_id",
        "fshr_": "shipping_rate_id", "fwh_": "webhook_id", "fseti_": "setup_intent_id", "flmn_": "letter_id", "finv_": "invoice_id", "fwhd_": "delivery_id",
        "fsubi_": "subscription_item_id", "fdp_": "dispute_id",
    ]
}
