// Money after checkout: payment intents, refunds, captures, disputes, balance transactions and
// setup intents.

extension CommandTable {
    static let reasonWords = ClauseSyntax("reason", .word(choices: ["duplicate", "fraudulent", "requested_by_customer"]), help: "why")

    static let payments: [CommandSyntax] = intentCommands + refundCommands + disputeCommands + ledgerCommands

    static let intentCommands: [CommandSyntax] = [
        get(.paymentIntentGet, "payment_intent", "fpi_", "/v1/payment_intents", summary: "fetch a payment intent (GET /v1/payment_intents/{id})"),
        list(.paymentIntentList, "payment_intents", "/v1/payment_intents",
             filters: [ClauseSyntax("customer", .id(prefix: "fcus_"), help: "only this customer's"),
                       ClauseSyntax("checkout", .id(prefix: "fcs_"), field: "checkout_session", help: "only this session's"), interval],
             summary: "list payment intents, newest first (GET /v1/payment_intents)"),
        CommandSyntax(.paymentIntentCancel, "payment_intent cancel", RequestSyntax(.POST, "/v1/payment_intents/{payment_intent}/cancel"),
                      positionals: [id("payment_intent", "fpi_")], example: "payment_intent cancel pi",
                      summary: "cancel an authorized, uncaptured payment intent"),
        CommandSyntax(.setupIntentCreate, "setup_intent create", RequestSyntax(.POST, "/v1/setup_intents", wrapper: "setup_intent"),
                      clauses: [ClauseSyntax("checkout", .id(prefix: "fcs_"), required: true, field: "checkout_session",
                                             help: "the mode setup session whose intent this is"),
                                ClauseSyntax("partner_id", .string, help: "your id for the saved card"), metadata],
                      example: "setup_intent create checkout s", summary: "the setup intent of a setup-mode checkout session"),
        get(.setupIntentGet, "setup_intent", "fseti_", "/v1/setup_intents", summary: "fetch a setup intent"),
        list(.setupIntentList, "setup_intents", "/v1/setup_intents",
             filters: [ClauseSyntax("customer", .id(prefix: "fcus_"), help: "only this customer's"),
                       ClauseSyntax("status", .word(choices: []), help: "only setup intents in this status")],
             summary: "list setup intents, newest first"),
    ]

    static let refundCommands: [CommandSyntax] = [
        list(.refundList, "refunds", "/v1/refunds",
             filters: [ClauseSyntax("payment_intent", .id(prefix: "fpi_"), help: "only refunds of this payment intent"),
                       ClauseSyntax("status", .word(choices: ["pending", "requires_action", "succeeded", "failed", "canceled"]),
                                    help: "only refunds in this status")],
             summary: "list refunds, newest first (GET /v1/refunds)"),
        CommandSyntax(.refundCreate, "refund create", RequestSyntax(.POST, "/v1/refunds", wrapper: "refund"),
                      clauses: [ClauseSyntax("payment_intent", .id(prefix: "fpi_"), required: true, field: "payment_intent_id",
                                             help: "the payment to refund"),
                                ClauseSyntax("amount", .money, help: "refund this much instead of everything"), reasonWords, metadata],
                      example: "refund create payment_intent pi amount $5", summary: "refund a payment intent directly"),
        get(.refundGet, "refund", "fre_", "/v1/refunds", summary: "fetch a refund"),
        CommandSyntax(.refundUpdate, "refund update", RequestSyntax(.PATCH, "/v1/refunds/{refund}", wrapper: "refund"),
                      positionals: [id("refund", "fre_")], clauses: [reasonWords, metadata],
                      example: "refund update r metadata { ticket: \"42\" }", summary: "change a refund's reason or metadata"),
        get(.captureGet, "capture", "fcap_", "/v1/captures", summary: "fetch a capture"),
        CommandSyntax(.captureUpdate, "capture update", RequestSyntax(.PATCH, "/v1/captures/{capture}", wrapper: "capture"),
                      positionals: [id("capture", "fcap_")], clauses: [metadata],
                      example: "capture update c metadata { shipment: \"7\" }", summary: "change a capture's metadata (PATCH /v1/captures/{id})"),
        list(.captureList, "captures", "/v1/captures",
             filters: [ClauseSyntax("checkout", .id(prefix: "fcs_"), field: "checkout_session", help: "only this session's captures")],
             summary: "list captures, newest first"),
    ]

    static let disputeCommands: [CommandSyntax] = [
        get(.disputeGet, "dispute", "fdp_", "/v1/disputes", summary: "fetch a dispute"),
        list(.disputeList, "disputes", "/v1/disputes",
             filters: [ClauseSyntax("checkout", .id(prefix: "fcs_"), field: "checkout_session", help: "only this session's disputes"),
                       ClauseSyntax("payment_intent", .id(prefix: "fpi_"), help: "only this payment intent's disputes"),
                       ClauseSyntax("status", .word(choices: []), help: "only disputes in this status, e.g. needs_response")],
             summary: "list disputes, newest first"),
        CommandSyntax(.disputeEvidence, "dispute evidence", RequestSyntax(.POST, "/v1/disputes/{dispute}", wrapper: "dispute"),
                      positionals: [id("dispute", "fdp_")],
                      clauses: [ClauseSyntax("text", .string, field: "evidence.uncategorized_text", help: "uncategorized_text of the evidence"),
                                ClauseSyntax("evidence", .record, help: "evidence fields, merged into what was given before"),
                                ClauseSyntax("submit", .any, help: "false keeps the evidence a draft (default true: send it)"), metadata],
                      example: "dispute evidence d text \"winning_evidence\"", summary: "add evidence to a dispute and submit it"),
        CommandSyntax(.disputeClose, "dispute close", RequestSyntax(.POST, "/v1/disputes/{dispute}/close"),
                      positionals: [id("dispute", "fdp_")], example: "dispute close d", summary: "accept a dispute: the shopper keeps the money"),
    ]

    static let ledgerCommands: [CommandSyntax] = [
        get(.balanceTransactionGet, "balance_transaction", "fbt_", "/v1/balance_transactions", summary: "fetch a balance transaction"),
        list(.balanceTransactionList, "balance_transactions", "/v1/balance_transactions",
             filters: [ClauseSyntax("reporting_category", .word(choices: []), help: "only this category, e.g. charge or refund"),
                       ClauseSyntax("type", .word(choices: []), help: "only this type"),
                       ClauseSyntax("checkout", .id(prefix: "fcs_"), field: "checkout_session", help: "only this session's"),
                       ClauseSyntax("payment_intent", .id(prefix: "fpi_"), help: "only this payment intent's")],
             summary: "list balance transactions, newest first"),
    ]
}
