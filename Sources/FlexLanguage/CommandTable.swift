// The command table's syntax half: one entry per command (phrase, positionals, clauses and their
// value kinds). The parser, the checker, completion and `.help` all read it; FlexInterpreter
// pairs each entry with the request it builds (Commands/ there), keyed by `CommandName`.

/// What a positional argument or a clause value must be. The parser uses it to decide how much
/// to read; the checker uses it to reject literals of the wrong kind.
public enum ValueKind: Hashable, Sendable {
    /// Any expression.
    case any
    case string
    case integer
    /// Integer cents: `$24.99`, `2499`, or an expression. A bare decimal literal is an error.
    case money
    /// `30s`, `15m`, `2h`, `7d` or an expression.
    case duration
    /// A Flex ID with this prefix (`"fcus_"`), or any value carrying one (an object, an expression).
    case id(prefix: String)
    /// `[P xN, …]` written in place, or an expression that evaluates to a list.
    case items
    /// `{ key: value, … }` or an expression that evaluates to a record.
    case record
    /// A bare word from `choices` (any word when empty), or a string literal.
    case word(choices: [String])
    /// The clause takes no value.
    case flag
}

public struct PositionalSyntax: Hashable, Sendable {
    public var name: String
    public var kind: ValueKind
    public var isOptional: Bool
    public init(_ name: String, _ kind: ValueKind, optional: Bool = false) {
        self.name = name
        self.kind = kind
        self.isOptional = optional
    }
}

public struct ClauseSyntax: Hashable, Sendable {
    /// Canonical name; for multi-word keywords the words joined by a space (`"with card"`).
    public var name: String
    /// The keyword words as typed (`["with", "card"]`).
    public var keywords: [String]
    public var kind: ValueKind
    public var isRequired: Bool
    /// Clauses sharing a group are mutually exclusive (`hsa | fsa | credit`, eligibility words).
    public var group: String?
    public var help: String

    public init(_ keyword: String, _ kind: ValueKind, required: Bool = false, group: String? = nil, help: String) {
        self.keywords = keyword.split(separator: " ").map(String.init)
        self.name = keyword
        self.kind = kind
        self.isRequired = required
        self.group = group
        self.help = help
    }
}

public enum CommandName: String, Hashable, Sendable, BitwiseCopyable, CaseIterable {
    case customerCreate, customerGet, customerUpdate, customerList, paymentMethodsOf
    case productCreate, productGet, productList, productWithPrice
    case priceCreate, priceGet, priceList
    case checkoutCreate, checkoutGet, checkoutList, lineItemsOf, charge
    case refund, capture, cancel, reauth
    case paymentIntentGet, paymentIntentList, refundList
    case api
    // Simulator commands (docs/language.md §3, "Command reference"): requests under /_sim/.
    case pay, expire, clockShow, clockAdvance, clockSet, failNext, declineNext, events
    case simReset, simSeed, simSnapshot, simRestore
}

public struct CommandSyntax: Hashable, Sendable {
    public var name: CommandName
    /// Accepted phrases; the parser matches the longest (`checkout create` before `checkout`).
    public var phrases: [[String]]
    public var positionals: [PositionalSyntax]
    /// Every command also accepts `fields RECORD` (added by the table, not listed per entry).
    public var clauses: [ClauseSyntax]
    public var summary: String
    /// Drives the simulator only (`/_sim/…`); against the real API it fails clearly.
    public var isSimulatorOnly: Bool

    public init(_ name: CommandName, _ phrases: [[String]], positionals: [PositionalSyntax] = [], clauses: [ClauseSyntax] = [], simulatorOnly: Bool = false, summary: String) {
        self.name = name
        self.phrases = phrases
        self.positionals = positionals
        self.clauses = clauses + [CommandTable.fieldsClause]
        self.summary = summary
        self.isSimulatorOnly = simulatorOnly
    }

    public var displayPhrase: String { phrases[0].joined(separator: " ") }

    public func clause(named name: String) -> ClauseSyntax? { clauses.first { $0.name == name } }
}

public enum CommandTable {
    static let fieldsClause = ClauseSyntax("fields", .record, help: "a record merged verbatim into the request body")

    static let eligibilityWords = [
        "eligible", "lmn", "not_eligible", "auto_substantiation", "letter_of_medical_necessity",
        "private_label", "vision", "prescription", "service",
    ]
    static var eligibilityClauses: [ClauseSyntax] {
        eligibilityWords.map { ClauseSyntax($0, .flag, group: "eligibility", help: "hsa_fsa_eligibility of the product") }
    }

    static let customerFields: [ClauseSyntax] = [
        ClauseSyntax("email", .string, help: "the customer's e-mail address"),
        ClauseSyntax("first_name", .string, help: "given name"),
        ClauseSyntax("last_name", .string, help: "family name"),
        ClauseSyntax("phone", .string, help: "phone number in E.164 form, e.g. \"+15555550100\""),
    ]

    static let limit = ClauseSyntax("limit", .integer, help: "how many objects to return (1-100)")

    public static let all: [CommandSyntax] = [
        CommandSyntax(.customerCreate, [["customer", "create"]], clauses: customerFields,
                      summary: "create a customer (POST /v1/customers)"),
        CommandSyntax(.customerGet, [["customer", "get"]], positionals: [PositionalSyntax("customer", .id(prefix: "fcus_"))],
                      summary: "fetch a customer (GET /v1/customers/{id})"),
        CommandSyntax(.customerUpdate, [["customer", "update"]], positionals: [PositionalSyntax("customer", .id(prefix: "fcus_"))],
                      clauses: customerFields, summary: "update a customer (PATCH /v1/customers/{id})"),
        CommandSyntax(.customerList, [["customers"]], clauses: [ClauseSyntax("email", .string, help: "only customers with this e-mail"), limit],
                      summary: "list customers, newest first (GET /v1/customers)"),
        CommandSyntax(.paymentMethodsOf, [["payment_methods", "of"]], positionals: [PositionalSyntax("customer", .id(prefix: "fcus_"))],
                      clauses: [limit], summary: "a customer's saved payment methods (GET /v1/customers/{id}/payment_methods)"),

        CommandSyntax(.productCreate, [["product", "create"]],
                      clauses: [ClauseSyntax("name", .string, required: true, help: "the product's name"),
                                ClauseSyntax("upc", .string, help: "UPC code, matched against the eligible product list"),
                                ClauseSyntax("description", .string, help: "a description")] + eligibilityClauses,
                      summary: "create a product (POST /v1/products)"),
        CommandSyntax(.productGet, [["product", "get"]], positionals: [PositionalSyntax("product", .id(prefix: "fprod_"))],
                      summary: "fetch a product (GET /v1/products/{id})"),
        CommandSyntax(.productList, [["products"]], clauses: [limit], summary: "list products, newest first (GET /v1/products)"),
        CommandSyntax(.productWithPrice, [["product"]], positionals: [PositionalSyntax("name", .string)],
                      clauses: [ClauseSyntax("price", .money, required: true, help: "the unit amount, e.g. $24.99"),
                                ClauseSyntax("upc", .string, help: "UPC code"),
                                ClauseSyntax("description", .string, help: "a description")] + eligibilityClauses,
                      summary: "create a product and its price in one step; evaluates to the price"),

        CommandSyntax(.priceCreate, [["price", "create"]],
                      clauses: [ClauseSyntax("product", .id(prefix: "fprod_"), required: true, help: "the product this price is for"),
                                ClauseSyntax("amount", .money, required: true, help: "the unit amount, e.g. $24.99"),
                                ClauseSyntax("recurring", .word(choices: ["daily", "weekly", "monthly", "yearly"]), help: "billing interval for subscriptions"),
                                ClauseSyntax("description", .string, help: "a description")],
                      summary: "create a price (POST /v1/prices)"),
        CommandSyntax(.priceGet, [["price", "get"]], positionals: [PositionalSyntax("price", .id(prefix: "fprice_"))],
                      summary: "fetch a price (GET /v1/prices/{id})"),
        CommandSyntax(.priceList, [["prices"]], clauses: [ClauseSyntax("product", .id(prefix: "fprod_"), help: "only prices of this product"), limit],
                      summary: "list prices, newest first (GET /v1/prices)"),

        CommandSyntax(.checkoutCreate, [["checkout", "create"], ["checkout"]],
                      clauses: [ClauseSyntax("items", .items, required: true, help: "the cart: [price xN, …]"),
                                ClauseSyntax("mode", .word(choices: ["payment", "subscription", "off_session", "setup", "reimbursement"]), help: "checkout mode (default payment)"),
                                ClauseSyntax("customer", .id(prefix: "fcus_"), help: "an existing customer"),
                                ClauseSyntax("payment_method", .id(prefix: "fpm_"), help: "a saved payment method (off_session)"),
                                ClauseSyntax("save_card", .flag, help: "save the card for off-session charges (setup_future_use: off_session)"),
                                ClauseSyntax("success", .string, help: "success_url"),
                                ClauseSyntax("cancel", .string, help: "cancel_url"),
                                ClauseSyntax("capture", .word(choices: ["manual", "automatic"]), help: "capture_method"),
                                ClauseSyntax("reference", .string, help: "client_reference_id, your order id")],
                      summary: "create a checkout session (POST /v1/checkout/sessions)"),
        CommandSyntax(.checkoutGet, [["checkout", "get"]], positionals: [PositionalSyntax("session", .id(prefix: "fcs_"))],
                      summary: "fetch a checkout session (GET /v1/checkout/sessions/{id})"),
        CommandSyntax(.checkoutList, [["checkouts"]],
                      clauses: [ClauseSyntax("status", .word(choices: ["open", "paid", "complete", "canceled", "expired"]), help: "only sessions in this status"),
                                ClauseSyntax("customer", .id(prefix: "fcus_"), help: "only this customer's sessions"), limit],
                      summary: "list checkout sessions, newest first (GET /v1/checkout/sessions)"),
        CommandSyntax(.lineItemsOf, [["line_items", "of"]], positionals: [PositionalSyntax("session", .id(prefix: "fcs_"))],
                      summary: "a session's line items (GET /v1/checkout/sessions/{id}/line_items)"),
        CommandSyntax(.charge, [["charge"]],
                      clauses: [ClauseSyntax("customer", .id(prefix: "fcus_"), required: true, help: "the customer to charge"),
                                ClauseSyntax("with", .id(prefix: "fpm_"), required: true, help: "a saved payment method with off_session: true"),
                                ClauseSyntax("items", .items, required: true, help: "the cart: [price xN, …]"),
                                ClauseSyntax("reference", .string, help: "client_reference_id"),
                                ClauseSyntax("success", .string, help: "success_url")],
                      summary: "charge a saved card off-session (POST /v1/checkout/sessions, mode off_session)"),

        CommandSyntax(.refund, [["refund"]], positionals: [PositionalSyntax("session", .id(prefix: "fcs_"))],
                      clauses: [ClauseSyntax("amount", .money, help: "refund this much instead of everything"),
                                ClauseSyntax("items", .items, help: "refund these line items in full: [price, …]"),
                                ClauseSyntax("reason", .word(choices: ["duplicate", "fraudulent", "requested_by_customer"]), help: "why")],
                      summary: "refund a complete session (POST /v1/checkout/sessions/{id}/refund)"),
        CommandSyntax(.capture, [["capture"]], positionals: [PositionalSyntax("session", .id(prefix: "fcs_"))],
                      clauses: [ClauseSyntax("amount", .money, help: "capture this much (partial capture)"),
                                ClauseSyntax("final", .flag, help: "final_capture: release what is not captured")],
                      summary: "capture an authorized session (POST /v1/checkout/sessions/{id}/capture)"),
        CommandSyntax(.cancel, [["cancel"]], positionals: [PositionalSyntax("session", .id(prefix: "fcs_"))],
                      summary: "cancel a session's authorization (POST /v1/checkout/sessions/{id}/cancel)"),
        CommandSyntax(.reauth, [["reauth"]], positionals: [PositionalSyntax("session", .id(prefix: "fcs_"))],
                      summary: "renew a session's authorization (POST /v1/checkout/sessions/{id}/reauth)"),

        CommandSyntax(.paymentIntentGet, [["payment_intent", "get"]], positionals: [PositionalSyntax("payment_intent", .id(prefix: "fpi_"))],
                      summary: "fetch a payment intent (GET /v1/payment_intents/{id})"),
        CommandSyntax(.paymentIntentList, [["payment_intents"]],
                      clauses: [ClauseSyntax("customer", .id(prefix: "fcus_"), help: "only this customer's"),
                                ClauseSyntax("checkout", .id(prefix: "fcs_"), help: "only this session's"), limit],
                      summary: "list payment intents, newest first (GET /v1/payment_intents)"),
        CommandSyntax(.refundList, [["refunds"]],
                      clauses: [ClauseSyntax("payment_intent", .id(prefix: "fpi_"), help: "only refunds of this payment intent"), limit],
                      summary: "list refunds, newest first (GET /v1/refunds)"),

        CommandSyntax(.api, [["api"]],
                      positionals: [PositionalSyntax("method", .word(choices: ["GET", "POST", "PATCH", "PUT", "DELETE"])),
                                    PositionalSyntax("path", .string),
                                    PositionalSyntax("body", .record, optional: true)],
                      summary: "send any request: api POST \"/v1/path\" { … }"),

        CommandSyntax(.pay, [["pay"]], positionals: [PositionalSyntax("session", .id(prefix: "fcs_"))],
                      clauses: [ClauseSyntax("with card", .string, required: true, help: "the card number, e.g. \"4242 4242 4242 4242\""),
                                ClauseSyntax("hsa", .flag, group: "card kind", help: "the card is an HSA card"),
                                ClauseSyntax("fsa", .flag, group: "card kind", help: "the card is an FSA card"),
                                ClauseSyntax("credit", .flag, group: "card kind", help: "the card is an ordinary credit or debit card"),
                                ClauseSyntax("split card", .string, help: "a second, regular card for the ineligible part of a split cart"),
                                ClauseSyntax("lmn", .word(choices: ["approved", "denied"]), help: "the outcome of the LMN consultation"),
                                ClauseSyntax("email", .string, help: "the shopper's e-mail")],
                      simulatorOnly: true, summary: "play the shopper on the hosted checkout page"),
        CommandSyntax(.expire, [["expire"]], positionals: [PositionalSyntax("session", .id(prefix: "fcs_"))],
                      simulatorOnly: true, summary: "expire an open session now"),
        CommandSyntax(.clockAdvance, [["clock", "advance"]], positionals: [PositionalSyntax("by", .duration)],
                      simulatorOnly: true, summary: "move the simulator's clock forward"),
        CommandSyntax(.clockSet, [["clock", "set"]], positionals: [PositionalSyntax("time", .string)],
                      simulatorOnly: true, summary: "set the simulator's clock: clock set \"2026-01-01T00:00:00Z\""),
        CommandSyntax(.clockShow, [["clock"]], simulatorOnly: true, summary: "the simulator's current time"),
        CommandSyntax(.failNext, [["fail", "next"]], positionals: [PositionalSyntax("count", .integer, optional: true)],
                      clauses: [ClauseSyntax("requests", .flag, help: "(reads naturally; no effect)"),
                                ClauseSyntax("with", .integer, required: true, help: "the HTTP status to answer with"),
                                ClauseSyntax("code", .string, help: "the Flex error code to answer with")],
                      simulatorOnly: true, summary: "make the next N requests fail: fail next 2 requests with 503"),
        CommandSyntax(.declineNext, [["decline", "next"]], positionals: [PositionalSyntax("count", .integer, optional: true)],
                      clauses: [ClauseSyntax("charges", .flag, required: true, help: "(reads naturally)"),
                                ClauseSyntax("with", .word(choices: []), help: "the decline code, e.g. insufficient_funds")],
                      simulatorOnly: true, summary: "decline the next N card charges"),
        CommandSyntax(.events, [["events"]],
                      clauses: [ClauseSyntax("type", .string, help: "only events of this type, e.g. \"payment_intent.succeeded\""),
                                ClauseSyntax("for", .any, help: "only events about this object (an ID or an object)")],
                      simulatorOnly: true, summary: "the webhook events the simulator emitted, oldest first"),
        CommandSyntax(.simReset, [["sim", "reset"]], simulatorOnly: true, summary: "forget everything; start again from the seed"),
        CommandSyntax(.simSeed, [["sim", "seed"]], positionals: [PositionalSyntax("seed", .integer)],
                      simulatorOnly: true, summary: "reset with a new seed"),
        CommandSyntax(.simSnapshot, [["sim", "snapshot"]], positionals: [PositionalSyntax("name", .word(choices: []))],
                      simulatorOnly: true, summary: "remember the simulator's whole state under a name"),
        CommandSyntax(.simRestore, [["sim", "restore"]], positionals: [PositionalSyntax("name", .word(choices: []))],
                      simulatorOnly: true, summary: "go back to a remembered state"),
    ]

    private static let byName: [CommandName: CommandSyntax] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    public static func syntax(_ name: CommandName) -> CommandSyntax {
        guard let syntax = byName[name] else { preconditionFailure("command table has no entry for \(name)") }
        return syntax
    }

    /// Every word that can begin a command (`customer`, `checkout`, `pay`, …).
    public static let leadingWords: Set<String> = Set(all.flatMap { $0.phrases.map { $0[0] } })
}
