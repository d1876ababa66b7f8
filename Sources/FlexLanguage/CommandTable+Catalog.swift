// Catalog commands: customers, products, prices, coupons, promotion codes, shipping rates.

extension CommandTable {
    public static let eligibilityWords = [
        "eligible", "lmn", "not_eligible", "auto_substantiation", "letter_of_medical_necessity",
        "private_label", "vision", "prescription", "service",
    ]
    /// Eligibility words as written → `hsa_fsa_eligibility` values.
    public static let eligibilityValues: [String: String] = [
        "eligible": "auto_substantiation", "lmn": "letter_of_medical_necessity", "not_eligible": "not_eligible",
        "auto_substantiation": "auto_substantiation", "letter_of_medical_necessity": "letter_of_medical_necessity",
        "private_label": "private_label", "vision": "vision", "prescription": "prescription", "service": "service",
    ]
    static var eligibilityClauses: [ClauseSyntax] {
        eligibilityWords.map {
            ClauseSyntax($0, .flag, group: "eligibility", field: "hsa_fsa_eligibility", sets: .string(eligibilityValues[$0] ?? $0),
                         help: "hsa_fsa_eligibility of the product")
        }
    }

    static let customerFields: [ClauseSyntax] = [
        ClauseSyntax("email", .string, help: "the customer's e-mail address"),
        ClauseSyntax("first_name", .string, help: "given name"),
        ClauseSyntax("last_name", .string, help: "family name"),
        ClauseSyntax("phone", .string, help: "phone number in E.164 form, e.g. \"+15555550100\""),
    ]
    /// Flex's own customer fields beyond the four the language started with.
    static let moreCustomerFields: [ClauseSyntax] = [
        ClauseSyntax("employer", .string, help: "the customer's employer"),
        ClauseSyntax("shipping", .record, help: "{ line1, line2, city, state, postal_code, country }"),
        metadata,
    ]
    /// Flex's own product fields beyond the sugar words.
    static let productFields: [ClauseSyntax] = [
        ClauseSyntax("gtin", .string, help: "the GTIN, matched against the eligible product list"),
        ClauseSyntax("reference_gtin", .string, help: "a GTIN of a comparable product"),
        ClauseSyntax("url", .string, help: "the product's page"),
        ClauseSyntax("client_reference_id", .string, help: "your own id for the product"),
        metadata,
    ]

    static let catalog: [CommandSyntax] = customerCommands + productCommands + priceCommands + discountCommands

    static let customerCommands: [CommandSyntax] = [
        CommandSyntax(.customerCreate, "customer create", RequestSyntax(.POST, "/v1/customers", wrapper: "customer"),
                      clauses: customerFields + moreCustomerFields, example: "customer create email \"ada@example.com\" first_name \"Ada\"",
                      summary: "create a customer (POST /v1/customers)"),
        get(.customerGet, "customer", "fcus_", "/v1/customers", summary: "fetch a customer (GET /v1/customers/{id})"),
        CommandSyntax(.customerUpdate, "customer update", RequestSyntax(.PATCH, "/v1/customers/{customer}", wrapper: "customer"),
                      positionals: [id("customer", "fcus_")], clauses: customerFields + moreCustomerFields,
                      summary: "update a customer (PATCH /v1/customers/{id})"),
        CommandSyntax(.customerDelete, "customer delete", RequestSyntax(.DELETE, "/v1/customers/{customer}"),
                      positionals: [id("customer", "fcus_")], example: "customer delete c",
                      summary: "delete a customer and detach their saved cards"),
        list(.customerList, "customers", "/v1/customers", filters: [ClauseSyntax("email", .string, help: "only customers with this e-mail")],
             summary: "list customers, newest first (GET /v1/customers)"),
        CommandSyntax(.paymentMethodsOf, "payment_methods of", RequestSyntax(.GET, "/v1/customers/{customer}/payment_methods"),
                      positionals: [id("customer", "fcus_")], clauses: [limit] + pageClauses,
                      summary: "a customer's saved payment methods (GET /v1/customers/{id}/payment_methods)"),
        CommandSyntax(.paymentMethodGet, "payment_method get", RequestSyntax(.GET, "/v1/customers/{customer}/payment_methods/{payment_method}"),
                      positionals: [id("payment_method", "fpm_")],
                      clauses: [ClauseSyntax("customer", .id(prefix: "fcus_"), required: true, noField: true, help: "the customer who saved it")],
                      example: "payment_method get pm customer c", summary: "fetch one of a customer's saved payment methods"),
    ]

    static let productCommands: [CommandSyntax] = [
        CommandSyntax(.productCreate, "product create", RequestSyntax(.POST, "/v1/products", wrapper: "product"),
                      clauses: [ClauseSyntax("name", .string, required: true, help: "the product's name"),
                                ClauseSyntax("upc", .string, group: "upc_code", field: "upc_code", help: "UPC code, matched against the eligible product list"),
                                ClauseSyntax("description", .string, help: "a description")] + eligibilityClauses
                          + [ClauseSyntax("upc_code", .string, group: "upc_code", help: "Flex's name for upc")] + productFields,
                      byHand: true, example: "product create name \"Thermometer\" eligible upc \"0123\"",
                      summary: "create a product (POST /v1/products)"),
        get(.productGet, "product", "fprod_", "/v1/products", summary: "fetch a product (GET /v1/products/{id})"),
        CommandSyntax(.productUpdate, "product update", RequestSyntax(.PATCH, "/v1/products/{product}", wrapper: "product"),
                      positionals: [id("product", "fprod_")],
                      clauses: [ClauseSyntax("name", .string, help: "the product's name"),
                                ClauseSyntax("upc", .string, group: "upc_code", field: "upc_code", help: "UPC code"),
                                ClauseSyntax("description", .string, help: "a description"), active] + eligibilityClauses
                          + [ClauseSyntax("upc_code", .string, group: "upc_code", help: "Flex's name for upc")] + productFields,
                      example: "product update p description \"digital\" vision", summary: "change a product's fields"),
        list(.productList, "products", "/v1/products",
             filters: [active, ClauseSyntax("client_reference_id", .string, help: "only the product with this reference")],
             summary: "list products, newest first (GET /v1/products)"),
        CommandSyntax(.productProcessingStatus, "products processing_status", RequestSyntax(.GET, "/v1/products/processing_status"),
                      summary: "how many products still wait for eligibility classification"),
        CommandSyntax(.productWithPrice, [["product"]], positionals: [PositionalSyntax("name", .string)],
                      clauses: [ClauseSyntax("price", .money, required: true, field: "unit_amount", help: "the unit amount, e.g. $24.99"),
                                ClauseSyntax("upc", .string, field: "upc_code", help: "UPC code"),
                                ClauseSyntax("description", .string, help: "a description")] + eligibilityClauses,
                      request: RequestSyntax(.POST, "/v1/products", wrapper: "product"), byHand: true,
                      example: "let thermo = product \"Thermometer\" eligible price $24.99",
                      summary: "create a product and its price in one step; evaluates to the price"),
    ]

    static let priceCommands: [CommandSyntax] = [
        CommandSyntax(.priceCreate, "price create", RequestSyntax(.POST, "/v1/prices", wrapper: "price"),
                      clauses: [ClauseSyntax("product", .id(prefix: "fprod_"), required: true, help: "the product this price is for"),
                                ClauseSyntax("amount", .money, required: true, field: "unit_amount", help: "the unit amount, e.g. $24.99"),
                                ClauseSyntax("recurring", .word(choices: ["daily", "weekly", "monthly", "yearly"]), field: "recurring.interval",
                                             help: "billing interval for subscriptions"),
                                ClauseSyntax("description", .string, help: "a description"),
                                ClauseSyntax("trial_period_days", .integer, help: "free days before the first charge of a subscription"),
                                metadata],
                      byHand: true, example: "price create product p amount $9.99 recurring monthly",
                      summary: "create a price (POST /v1/prices)"),
        get(.priceGet, "price", "fprice_", "/v1/prices", summary: "fetch a price (GET /v1/prices/{id})"),
        CommandSyntax(.priceUpdate, "price update", RequestSyntax(.POST, "/v1/prices/{price}", wrapper: "price"),
                      positionals: [id("price", "fprice_")],
                      clauses: [ClauseSyntax("description", .string, help: "a description"), active, metadata],
                      example: "price update p active false", summary: "change a price's description, active flag or metadata"),
        list(.priceList, "prices", "/v1/prices", filters: [ClauseSyntax("product", .id(prefix: "fprod_"), help: "only prices of this product"), active],
             summary: "list prices, newest first (GET /v1/prices)"),
    ]

    static let discountCommands: [CommandSyntax] = [
        CommandSyntax(.couponCreate, "coupon create", RequestSyntax(.POST, "/v1/coupons", wrapper: "coupon"),
                      clauses: [ClauseSyntax("percent_off", .any, group: "discount", help: "a percentage off, e.g. 20"),
                                ClauseSyntax("amount_off", .money, group: "discount", help: "an amount off, e.g. $5"),
                                ClauseSyntax("duration", .word(choices: ["once", "repeating", "forever"]), help: "how long it applies (default once)"),
                                ClauseSyntax("duration_in_months", .integer, help: "months, when duration is repeating"),
                                ClauseSyntax("name", .string, help: "shown to the shopper"),
                                ClauseSyntax("max_redemptions", .integer, help: "how many times it can be redeemed"),
                                ClauseSyntax("applies_to", .record, help: "{ products: [product IDs] }")],
                      example: "coupon create percent_off 20 duration \"once\"", summary: "create a coupon"),
        get(.couponGet, "coupon", "fcoup_", "/v1/coupons", summary: "fetch a coupon"),
        list(.couponList, "coupons", "/v1/coupons", summary: "list coupons, newest first"),
        CommandSyntax(.promoCodeCreate, "promo_code create", RequestSyntax(.POST, "/v1/promo_codes", wrapper: "promo_code"),
                      clauses: [ClauseSyntax("coupon", .id(prefix: "fcoup_"), required: true, field: "coupon_id", help: "the coupon it redeems"),
                                ClauseSyntax("code", .string, help: "what the shopper types, e.g. \"SAVE20\""),
                                ClauseSyntax("customer", .id(prefix: "fcus_"), help: "only this customer may use it"),
                                ClauseSyntax("max_redemptions", .integer, help: "how many times it can be redeemed"), active],
                      example: "promo_code create coupon c code \"SAVE20\"", summary: "create a promotion code for a coupon"),
        get(.promoCodeGet, "promo_code", "fpromo_", "/v1/promo_codes", summary: "fetch a promotion code"),
        list(.promoCodeList, "promo_codes", "/v1/promo_codes",
             filters: [ClauseSyntax("code", .string, help: "only this code"),
                       ClauseSyntax("coupon", .id(prefix: "fcoup_"), help: "only codes of this coupon"), active],
             summary: "list promotion codes, newest first"),
        CommandSyntax(.shippingRateCreate, "shipping_rate create", RequestSyntax(.POST, "/v1/shipping_rates", wrapper: "shipping_rate"),
                      clauses: [ClauseSyntax("display_name", .string, required: true, help: "shown to the shopper, e.g. \"Ground\""),
                                ClauseSyntax("amount", .money, required: true, help: "the rate, e.g. $5"), active, metadata],
                      example: "shipping_rate create display_name \"Ground\" amount $5", summary: "create a shipping rate"),
        get(.shippingRateGet, "shipping_rate", "fshr_", "/v1/shipping_rates", summary: "fetch a shipping rate"),
        CommandSyntax(.shippingRateUpdate, "shipping_rate update", RequestSyntax(.PUT, "/v1/shipping_rates/{shipping_rate}", wrapper: "shipping_rate"),
                      positionals: [id("shipping_rate", "fshr_")],
                      clauses: [ClauseSyntax("display_name", .string, help: "shown to the shopper"), active, metadata],
                      example: "shipping_rate update r active false", summary: "change a shipping rate's name, active flag or metadata"),
        list(.shippingRateList, "shipping_rates", "/v1/shipping_rates", filters: [active], summary: "list shipping rates, newest first"),
    ]
}
