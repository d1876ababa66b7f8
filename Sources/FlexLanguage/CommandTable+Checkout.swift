// Checkout-session commands: create (and `charge`, its off-session form), read, and every action
// on a session (refund, capture, cancel, reauth, confirm, allocation previews).

extension CommandTable {
    static let sessionPositional = PositionalSyntax("session", .id(prefix: "fcs_"))

    /// Checkout's sugar words, then Flex's own field names for the same and further fields. A sugar
    /// word and its field share a group, so only one of them is given.
    static let checkoutClauses: [ClauseSyntax] = [
        ClauseSyntax("mode", .word(choices: ["payment", "subscription", "off_session", "setup", "reimbursement"]), default: "payment",
                     help: "checkout mode (default payment)"),
        ClauseSyntax("items", .items, required: true, field: "line_items", help: "the cart: [price xN, …]"),
        ClauseSyntax("customer", .id(prefix: "fcus_"), help: "an existing customer"),
        ClauseSyntax("payment_method", .id(prefix: "fpm_"), help: "a saved payment method (off_session)"),
        ClauseSyntax("save_card", .flag, group: "setup_future_use", field: "setup_future_use", sets: .string("off_session"),
                     help: "save the card for off-session charges (setup_future_use: off_session)"),
        ClauseSyntax("success", .string, group: "success_url", field: "success_url", help: "success_url"),
        ClauseSyntax("cancel", .string, group: "cancel_url", field: "cancel_url", help: "cancel_url"),
        ClauseSyntax("capture", .word(choices: ["manual", "automatic"]), group: "capture_method", field: "capture_method", help: "capture_method"),
        ClauseSyntax("reference", .string, group: "client_reference_id", field: "client_reference_id", help: "client_reference_id, your order id"),
    ] + checkoutFieldClauses

    static let checkoutFieldClauses: [ClauseSyntax] = [
        ClauseSyntax("setup_future_use", .word(choices: ["off_session", "on_session"]), group: "setup_future_use", help: "keep the card for later charges"),
        ClauseSyntax("success_url", .string, group: "success_url", help: "where the shopper goes after paying"),
        ClauseSyntax("cancel_url", .string, group: "cancel_url", help: "where the shopper goes on cancel"),
        ClauseSyntax("capture_method", .word(choices: ["manual", "automatic"]), group: "capture_method", help: "manual: authorize now, capture later"),
        ClauseSyntax("client_reference_id", .string, group: "client_reference_id", help: "your order id"),
        ClauseSyntax("discounts", .any, help: "[{ coupon: ID }] or [{ promo_code: ID }]"),
        ClauseSyntax("subscription_data", .record, help: "{ trial_period_days: N, … } for mode subscription"),
        ClauseSyntax("tax_calculation_mode", .word(choices: ["exclusive", "inclusive"]), help: "whether prices include the tax"),
        ClauseSyntax("defaults", .record, help: "prefill the hosted page: { email, first_name, last_name, phone }"),
    ] + sessionOptionClauses + [
        ClauseSyntax("payment_intent_data", .record, help: "{ capture_method, metadata }"),
        ClauseSyntax("custom_text", .record, help: "{ submit: { message }, … }"),
        ClauseSyntax("visit_type", .string, help: "the kind of visit"),
        ClauseSyntax("origin", .string, help: "where the checkout started, e.g. \"shopify\""),
        metadata,
    ]

    /// Options a checkout session and a payment link (a template for sessions) share.
    static let sessionOptionClauses: [ClauseSyntax] = [
        ClauseSyntax("allow_promotion_codes", .any, help: "true: the shopper may enter a promotion code"),
        ClauseSyntax("shipping_address_collection", .any, help: "true: ask the shopper for a shipping address"),
        ClauseSyntax("shipping_options", .any, help: "[{ shipping_rate: ID }]"),
        ClauseSyntax("tax_rate", .record, help: "{ amount: N }"),
    ]

    static let allocationPins = ClauseSyntax("payment_methods", .any, help: "[{ payment_method_id: ID, amount: M }]: pin a card's share")

    static let checkout: [CommandSyntax] = sessionCommands + sessionActions

    static let sessionCommands: [CommandSyntax] = [
        CommandSyntax(.checkoutCreate, [["checkout", "create"], ["checkout"]], clauses: checkoutClauses,
                      request: RequestSyntax(.POST, "/v1/checkout/sessions", wrapper: "checkout_session"),
                      example: "let s = checkout items [thermo x2] success \"https://example.com/ok\"",
                      summary: "create a checkout session (POST /v1/checkout/sessions)"),
        CommandSyntax(.checkoutGet, "checkout get", RequestSyntax(.GET, "/v1/checkout/sessions/{session}"), positionals: [sessionPositional],
                      clauses: [expand], summary: "fetch a checkout session (GET /v1/checkout/sessions/{id})"),
        list(.checkoutList, "checkouts", "/v1/checkout/sessions",
             filters: [ClauseSyntax("status", .word(choices: ["open", "paid", "complete", "canceled", "expired"]), help: "only sessions in this status"),
                       ClauseSyntax("customer", .id(prefix: "fcus_"), help: "only this customer's sessions"),
                       ClauseSyntax("payment_intent", .id(prefix: "fpi_"), help: "only the session of this payment intent"),
                       ClauseSyntax("client_reference_id", .string, help: "only sessions with this reference"),
                       ClauseSyntax("subscription", .id(prefix: "fsub_"), help: "only this subscription's sessions"), interval],
             summary: "list checkout sessions, newest first (GET /v1/checkout/sessions)"),
        CommandSyntax(.lineItemsOf, "line_items of", RequestSyntax(.GET, "/v1/checkout/sessions/{session}/line_items"),
                      positionals: [sessionPositional], clauses: [limit] + pageClauses,
                      summary: "a session's line items (GET /v1/checkout/sessions/{id}/line_items)"),
        CommandSyntax(.charge, "charge", RequestSyntax(.POST, "/v1/checkout/sessions", wrapper: "checkout_session"),
                      clauses: [ClauseSyntax("customer", .id(prefix: "fcus_"), required: true, help: "the customer to charge"),
                                ClauseSyntax("with", .id(prefix: "fpm_"), required: true, field: "payment_method",
                                             help: "a saved payment method with off_session: true"),
                                ClauseSyntax("items", .items, required: true, field: "line_items", help: "the cart: [price xN, …]"),
                                ClauseSyntax("reference", .string, field: "client_reference_id", help: "client_reference_id"),
                                ClauseSyntax("success", .string, field: "success_url", help: "success_url")],
                      byHand: true, example: "charge customer c with pm items [thermo x1]",
                      summary: "charge a saved card off-session (POST /v1/checkout/sessions, mode off_session)"),
    ]

    static let sessionActions: [CommandSyntax] = [
        CommandSyntax(.refund, "refund", RequestSyntax(.POST, "/v1/checkout/sessions/{session}/refund", wrapper: "checkout_session"),
                      positionals: [sessionPositional],
                      clauses: [ClauseSyntax("amount", .money, help: "refund this much instead of everything"),
                                ClauseSyntax("items", .items, field: "line_items",
                                             help: "refund these line items: [price, …], or [{product: p, amount_to_refund: $20}]"),
                                ClauseSyntax("tax", .money, field: "amount_tax", help: "refund this much of the tax too"),
                                ClauseSyntax("shipping", .money, field: "amount_shipping", help: "refund this much of the shipping too"),
                                ClauseSyntax("discount", .money, field: "amount_discount", help: "take this much discount off the items' amounts"),
                                ClauseSyntax("reason", .word(choices: ["duplicate", "fraudulent", "requested_by_customer"]), help: "why"),
                                ClauseSyntax("metadata", .record, field: "refund_metadata", help: "refund_metadata: your key-value pairs")],
                      byHand: true, example: "refund s amount $5", summary: "refund a complete session (POST /v1/checkout/sessions/{id}/refund)"),
        CommandSyntax(.capture, "capture", RequestSyntax(.POST, "/v1/checkout/sessions/{session}/capture", wrapper: "checkout_session"),
                      positionals: [sessionPositional],
                      clauses: [ClauseSyntax("amount", .money, field: "amount_to_capture", help: "capture this much (partial capture)"),
                                ClauseSyntax("final", .flag, field: "final_capture", help: "final_capture: release what is not captured")],
                      summary: "capture an authorized session (POST /v1/checkout/sessions/{id}/capture)"),
        CommandSyntax(.cancel, "cancel", RequestSyntax(.POST, "/v1/checkout/sessions/{session}/cancel", wrapper: "checkout_session"),
                      positionals: [sessionPositional], summary: "cancel a session's authorization (POST /v1/checkout/sessions/{id}/cancel)"),
        CommandSyntax(.reauth, "reauth", RequestSyntax(.POST, "/v1/checkout/sessions/{session}/reauth", wrapper: "checkout_session"),
                      positionals: [sessionPositional], summary: "renew a session's authorization (POST /v1/checkout/sessions/{id}/reauth)"),
        CommandSyntax(.checkoutConfirm, "checkout confirm", RequestSyntax(.POST, "/v1/checkout/sessions/{session}/confirm", wrapper: "checkout_session"),
                      positionals: [sessionPositional],
                      clauses: [ClauseSyntax("customer", .id(prefix: "fcus_"), help: "the customer paying"),
                                ClauseSyntax("payment_method", .id(prefix: "fpm_"), help: "a saved payment method to pay with"),
                                ClauseSyntax("capture_method", .word(choices: ["manual", "automatic"]), help: "manual: authorize only")],
                      example: "checkout confirm s payment_method pm", summary: "pay an open session server-side with a saved card"),
        CommandSyntax(.refundAllocation, "checkout refund_allocation", RequestSyntax(.POST, "/v1/checkout/sessions/{session}/refund_allocation",
                                                                                     wrapper: "checkout_session"),
                      positionals: [sessionPositional],
                      clauses: [ClauseSyntax("amount", .money, help: "the refund to preview (default all that is left)"), allocationPins],
                      example: "checkout refund_allocation s amount $5", summary: "preview how a refund would split between the payment methods"),
        CommandSyntax(.captureAllocation, "checkout capture_allocation", RequestSyntax(.POST, "/v1/checkout/sessions/{session}/capture_allocation",
                                                                                       wrapper: "checkout_session"),
                      positionals: [sessionPositional],
                      clauses: [ClauseSyntax("amount", .money, field: "amount_to_capture", help: "the capture to preview"),
                                ClauseSyntax("final_capture", .any, help: "true to release the rest"), allocationPins],
                      example: "checkout capture_allocation s amount $5", summary: "preview how a capture would split between the payment methods"),
    ]
}
