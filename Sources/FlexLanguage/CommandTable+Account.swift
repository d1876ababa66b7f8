// Subscriptions, invoices, payment links, webhook endpoints, events, letters of medical
// necessity, and `api`, the escape hatch for any other request.

extension CommandTable {
    static let subscriptionStatus = ClauseSyntax("status", .word(choices: ["trialing", "active", "past_due", "canceled", "incomplete", "unpaid"]),
                                                 help: "only subscriptions in this status")
    static let prorationClause = ClauseSyntax("proration", .word(choices: ["always_invoice", "create_prorations", "none"]),
                                              group: "proration_behavior", field: "proration_behavior", help: "how a mid-period change is billed")

    static let account: [CommandSyntax] = subscriptionCommands + linkCommands + webhookCommands + [
        CommandSyntax(.api, [["api"]],
                      positionals: [PositionalSyntax("method", .word(choices: ["GET", "POST", "PATCH", "PUT", "DELETE"])),
                                    PositionalSyntax("path", .string),
                                    PositionalSyntax("body", .record, optional: true)],
                      byHand: true, example: "api GET \"/v1/customers?limit=2\"", summary: "send any request: api POST \"/v1/path\" { … }"),
    ]

    static let subscriptionCommands: [CommandSyntax] = [
        CommandSyntax(.subscriptionCreate, "subscription create", RequestSyntax(.POST, "/v1/subscriptions", wrapper: "subscription"),
                      clauses: [ClauseSyntax("customer", .id(prefix: "fcus_"), required: true, help: "who pays"),
                                ClauseSyntax("items", .items, required: true, help: "recurring prices: [price xN, …]"),
                                ClauseSyntax("payment_method", .id(prefix: "fpm_"), group: "default_payment_method", field: "default_payment_method",
                                             help: "a saved card of the customer (required, as either name)"),
                                ClauseSyntax("default_payment_method", .id(prefix: "fpm_"), group: "default_payment_method",
                                             help: "Flex's name for payment_method"),
                                ClauseSyntax("trial_period_days", .integer, help: "free days before the first charge"),
                                ClauseSyntax("cancel_at_period_end", .any, help: "true: end at the current period's end"),
                                prorationClause,
                                ClauseSyntax("proration_behavior", .word(choices: ["always_invoice", "create_prorations", "none"]),
                                             group: "proration_behavior", help: "Flex's name for proration"), metadata],
                      example: "subscription create customer c items [monthly x1] payment_method pm", summary: "start a subscription"),
        get(.subscriptionGet, "subscription", "fsub_", "/v1/subscriptions", summary: "fetch a subscription"),
        CommandSyntax(.subscriptionUpdate, "subscription update", RequestSyntax(.PATCH, "/v1/subscriptions/{subscription}", wrapper: "subscription"),
                      positionals: [id("subscription", "fsub_")],
                      clauses: [ClauseSyntax("items", .items, help: "the new items: [price xN, …] or records { id, quantity, deleted }"),
                                prorationClause,
                                ClauseSyntax("proration_behavior", .word(choices: ["always_invoice", "create_prorations", "none"]),
                                             group: "proration_behavior", help: "Flex's name for proration"),
                                ClauseSyntax("cancel_at_period_end", .any, help: "true: end at the current period's end"),
                                ClauseSyntax("payment_method", .id(prefix: "fpm_"), field: "default_payment_method", help: "another saved card"),
                                metadata],
                      example: "subscription update sub items [seat x3] proration \"always_invoice\"",
                      summary: "change a subscription's items, card or end"),
        CommandSyntax(.subscriptionCancel, "subscription cancel", RequestSyntax(.DELETE, "/v1/subscriptions/{subscription}"),
                      positionals: [id("subscription", "fsub_")], example: "subscription cancel sub", summary: "cancel a subscription now"),
        list(.subscriptionList, "subscriptions", "/v1/subscriptions",
             filters: [ClauseSyntax("customer", .id(prefix: "fcus_"), help: "only this customer's"), subscriptionStatus],
             example: "subscriptions customer c status \"active\"", summary: "list subscriptions, newest first"),
        get(.invoiceGet, "invoice", "finv_", "/v1/invoices", summary: "fetch an invoice"),
        list(.invoiceList, "invoices", "/v1/invoices",
             filters: [ClauseSyntax("subscription", .id(prefix: "fsub_"), help: "only this subscription's"),
                       ClauseSyntax("customer", .id(prefix: "fcus_"), help: "only this customer's"),
                       ClauseSyntax("status", .word(choices: []), help: "only invoices in this status, e.g. paid")],
             example: "invoices subscription sub", summary: "list invoices, newest first"),
    ]

    static let linkCommands: [CommandSyntax] = [
        CommandSyntax(.paymentLinkCreate, "payment_link create", RequestSyntax(.POST, "/v1/payment_links", wrapper: "payment_link"),
                      clauses: [ClauseSyntax("items", .items, required: true, field: "line_items", help: "the cart: [price xN, …]"),
                                ClauseSyntax("label", .string, help: "your name for the link"),
                                ClauseSyntax("payment_intent_data", .record, help: "{ capture_method: \"manual\" }"),
                                ClauseSyntax("after_completion", .record, help: "{ type: \"redirect\", redirect: { url: … } }"),
                                ClauseSyntax("setup_future_use", .word(choices: ["off_session", "on_session"]), help: "save the card"),
                                ClauseSyntax("origin", .string, help: "where the link is shown")] + sessionOptionClauses + [active, metadata],
                      example: "payment_link create items [thermo x1]", summary: "create a reusable payment link"),
        get(.paymentLinkGet, "payment_link", "fplink_", "/v1/payment_links", summary: "fetch a payment link"),
        CommandSyntax(.paymentLinkUpdate, "payment_link update", RequestSyntax(.PATCH, "/v1/payment_links/{payment_link}", wrapper: "payment_link"),
                      positionals: [id("payment_link", "fplink_")],
                      clauses: [active, ClauseSyntax("label", .string, help: "your name for the link"), metadata],
                      example: "payment_link update link active false", summary: "turn a payment link off or on, relabel it"),
        list(.paymentLinkList, "payment_links", "/v1/payment_links", filters: [active], summary: "list payment links, newest first"),
    ]

    static let webhookCommands: [CommandSyntax] = [
        CommandSyntax(.webhookCreate, "webhook create", RequestSyntax(.POST, "/v1/webhooks", wrapper: "webhook"),
                      clauses: [ClauseSyntax("url", .string, required: true, help: "an https:// URL (http:// for localhost)"),
                                ClauseSyntax("events", .any, required: true, help: "event types, e.g. [\"checkout.session.completed\"]")],
                      example: "webhook create url \"https://example.com/hook\" events [\"checkout.session.completed\"]",
                      summary: "register a webhook endpoint"),
        get(.webhookGet, "webhook", "fwh_", "/v1/webhooks", summary: "fetch a webhook endpoint"),
        CommandSyntax(.webhookDelete, "webhook delete", RequestSyntax(.DELETE, "/v1/webhooks/{webhook}"),
                      positionals: [id("webhook", "fwh_")], example: "webhook delete hook", summary: "remove a webhook endpoint"),
        list(.webhookList, "webhooks", "/v1/webhooks", summary: "list webhook endpoints, newest first"),
        list(.events, "events", "/v1/events",
             filters: [ClauseSyntax("type", .string, help: "only events of this type, e.g. \"checkout.session.completed\""),
                       ClauseSyntax("for", .any, field: "object", help: "only events about this object (an ID or an object)")],
             example: "events type \"checkout.session.completed\"", summary: "Flex's events, newest first (GET /v1/events)"),
        get(.eventGet, "event", "fevt_", "/v1/events", summary: "fetch an event"),
        get(.letterGet, "lmn_letter", "flmn_", "/v1/consumer/letters", summary: "fetch a letter of medical necessity"),
        CommandSyntax(.lettersOf, "lmn_letters of", RequestSyntax(.GET, "/v1/consumer/orders/{session}/letters"), positionals: [sessionPositional],
                      example: "lmn_letters of s", summary: "the letters of medical necessity issued for an order (a checkout session)"),
    ]
}
