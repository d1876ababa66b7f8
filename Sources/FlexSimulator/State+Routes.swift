// The routing table of the API (/v1/) and of the simulator's own routes (/_sim/) that work on State.
import FlexAPI

extension State {
    /// Every route `State` answers. Within a path, methods are listed in the order a 405 names them.
    static let routes = RouteTable<State>(catalogRoutes + checkoutRoutes + paymentRoutes + accountRoutes + simulatorRoutes)

    /// Customers, products, prices, coupons, promotion codes, shipping rates.
    static let catalogRoutes: [Route<State>] = [
        Route(.GET, "/v1/customers") { state, request, _ throws(APIFailure) in try state.listCustomers(request) },
        Route(.POST, "/v1/customers") { state, request, _ throws(APIFailure) in try state.createCustomer(request) },
        Route(.GET, "/v1/customers/{id}") { state, _, path throws(APIFailure) in try state.getCustomer(path.id) },
        Route(.PATCH, "/v1/customers/{id}") { state, request, path throws(APIFailure) in try state.updateCustomer(path.id, request) },
        Route(.DELETE, "/v1/customers/{id}") { state, _, path throws(APIFailure) in try state.deleteCustomer(path.id) },
        Route(.GET, "/v1/customers/{customer}/payment_methods") { state, request, path throws(APIFailure) in
            try state.listPaymentMethods(customer: path.id, request)
        },
        Route(.GET, "/v1/customers/{customer}/payment_methods/{id}") { state, _, path throws(APIFailure) in
            try state.getPaymentMethod(customer: path[0], path[1])
        },
        Route(.GET, "/v1/products") { state, request, _ throws(APIFailure) in try state.listProducts(request) },
        Route(.POST, "/v1/products") { state, request, _ throws(APIFailure) in try state.createProduct(request) },
        // Test mode classifies at once, so nothing is ever pending.
        Route(.GET, "/v1/products/processing_status") { _, _, _ throws(APIFailure) in
            APIResponse(status: 200, body: ["pending_classification": 0, "pending_classification_capped": false])
        },
        Route(.GET, "/v1/products/{id}") { state, _, path throws(APIFailure) in try state.get(\.products, path.id) },
        Route(.PATCH, "/v1/products/{id}") { state, request, path throws(APIFailure) in try state.updateProduct(path.id, request) },
        Route(.GET, "/v1/prices") { state, request, _ throws(APIFailure) in try state.listPrices(request) },
        Route(.POST, "/v1/prices") { state, request, _ throws(APIFailure) in try state.createPrice(request) },
        Route(.GET, "/v1/prices/{id}") { state, _, path throws(APIFailure) in try state.get(\.prices, path.id) },
        Route(.POST, "/v1/prices/{id}") { state, request, path throws(APIFailure) in try state.updatePrice(path.id, request) },
        Route(.GET, "/v1/coupons") { state, request, _ throws(APIFailure) in try state.listCoupons(request) },
        Route(.POST, "/v1/coupons") { state, request, _ throws(APIFailure) in try state.createCoupon(request) },
        Route(.GET, "/v1/coupons/{id}") { state, _, path throws(APIFailure) in try state.get(\.coupons, path.id) },
        Route(.GET, "/v1/promo_codes") { state, request, _ throws(APIFailure) in try state.listPromoCodes(request) },
        Route(.POST, "/v1/promo_codes") { state, request, _ throws(APIFailure) in try state.createPromoCode(request) },
        Route(.GET, "/v1/promo_codes/{id}") { state, _, path throws(APIFailure) in try state.get(\.promoCodes, path.id) },
        Route(.GET, "/v1/shipping_rates") { state, request, _ throws(APIFailure) in try state.listShippingRates(request) },
        Route(.POST, "/v1/shipping_rates") { state, request, _ throws(APIFailure) in try state.createShippingRate(request) },
        Route(.GET, "/v1/shipping_rates/{id}") { state, _, path throws(APIFailure) in try state.get(\.shippingRates, path.id) },
        // PUT is Flex's (doc: ref shipping-rates/update-shipping-rate); PATCH is what flex sent before that page was read.
        Route(.PUT, "/v1/shipping_rates/{id}") { state, request, path throws(APIFailure) in try state.updateShippingRate(path.id, request) },
        Route(.PATCH, "/v1/shipping_rates/{id}") { state, request, path throws(APIFailure) in try state.updateShippingRate(path.id, request) },
    ]

    /// Checkout sessions and what is done to one.
    static let checkoutRoutes: [Route<State>] = [
        Route(.GET, "/v1/checkout/sessions") { state, request, _ throws(APIFailure) in try state.listSessions(request) },
        Route(.POST, "/v1/checkout/sessions") { state, request, _ throws(APIFailure) in
            try state.withInlinePrices { state throws(APIFailure) in try state.createSession(request) }
        },
        Route(.GET, "/v1/checkout/sessions/{id}") { state, _, path throws(APIFailure) in try state.get(\.sessions, path.id) },
        Route(.GET, "/v1/checkout/sessions/{id}/line_items") { state, request, path throws(APIFailure) in
            try state.listLineItems(path.id, request)
        },
        Route(.POST, "/v1/checkout/sessions/{id}/refund") { state, request, path throws(APIFailure) in
            try state.refundSession(path.id, request)
        },
        Route(.POST, "/v1/checkout/sessions/{id}/capture") { state, request, path throws(APIFailure) in
            try state.captureSession(path.id, request)
        },
        Route(.POST, "/v1/checkout/sessions/{id}/cancel") { state, _, path throws(APIFailure) in try state.cancelSession(path.id) },
        Route(.POST, "/v1/checkout/sessions/{id}/reauth") { state, _, path throws(APIFailure) in try state.reauthSession(path.id) },
        Route(.POST, "/v1/checkout/sessions/{id}/refund_allocation") { state, request, path throws(APIFailure) in
            try state.previewRefundAllocation(path.id, request)
        },
        Route(.POST, "/v1/checkout/sessions/{id}/capture_allocation") { state, request, path throws(APIFailure) in
            try state.previewCaptureAllocation(path.id, request)
        },
        Route(.POST, "/v1/checkout/sessions/{id}/confirm") { state, request, path throws(APIFailure) in
            try state.confirmSession(path.id, request)
        },
    ]

    /// Money after checkout: payment intents, refunds, captures, disputes, balance transactions, setup intents.
    static let paymentRoutes: [Route<State>] = [
        Route(.GET, "/v1/payment_intents") { state, request, _ throws(APIFailure) in try state.listPaymentIntents(request) },
        Route(.GET, "/v1/payment_intents/{id}") { state, _, path throws(APIFailure) in try state.get(\.paymentIntents, path.id) },
        Route(.POST, "/v1/payment_intents/{id}/cancel") { state, _, path throws(APIFailure) in try state.cancelPaymentIntent(path.id) },
        Route(.GET, "/v1/refunds") { state, request, _ throws(APIFailure) in try state.listRefunds(request) },
        Route(.POST, "/v1/refunds") { state, request, _ throws(APIFailure) in try state.createRefund(request) },
        Route(.GET, "/v1/refunds/{id}") { state, _, path throws(APIFailure) in try state.get(\.refunds, path.id) },
        Route(.PATCH, "/v1/refunds/{id}") { state, request, path throws(APIFailure) in try state.updateRefund(path.id, request) },
        Route(.GET, "/v1/captures") { state, request, _ throws(APIFailure) in try state.listCaptures(request) },
        Route(.GET, "/v1/captures/{id}") { state, _, path throws(APIFailure) in try state.get(\.captures, path.id) },
        Route(.PATCH, "/v1/captures/{id}") { state, request, path throws(APIFailure) in try state.updateCapture(path.id, request) },
        Route(.GET, "/v1/disputes") { state, request, _ throws(APIFailure) in try state.listDisputes(request) },
        Route(.GET, "/v1/disputes/{id}") { state, _, path throws(APIFailure) in try state.get(\.disputes, path.id) },
        Route(.POST, "/v1/disputes/{id}") { state, request, path throws(APIFailure) in try state.updateDispute(path.id, request) },
        Route(.POST, "/v1/disputes/{id}/close") { state, _, path throws(APIFailure) in try state.acceptDispute(path.id) },
        Route(.GET, "/v1/balance_transactions") { state, request, _ throws(APIFailure) in try state.listBalanceTransactions(request) },
        Route(.GET, "/v1/balance_transactions/{id}") { state, _, path throws(APIFailure) in try state.getBalanceTransaction(path.id) },
        Route(.GET, "/v1/setup_intents") { state, request, _ throws(APIFailure) in try state.listSetupIntents(request) },
        Route(.POST, "/v1/setup_intents") { state, request, _ throws(APIFailure) in try state.createSetupIntent(request) },
        Route(.GET, "/v1/setup_intents/{id}") { state, _, path throws(APIFailure) in try state.getSetupIntent(path.id) },
    ]

    /// Subscriptions, invoices, payment links, webhooks, events, letters of medical necessity.
    static let accountRoutes: [Route<State>] = [
        Route(.GET, "/v1/subscriptions") { state, request, _ throws(APIFailure) in try state.listSubscriptions(request) },
        Route(.POST, "/v1/subscriptions") { state, request, _ throws(APIFailure) in
            try state.withInlinePrices { state throws(APIFailure) in try state.createSubscription(request) }
        },
        Route(.GET, "/v1/subscriptions/{id}") { state, _, path throws(APIFailure) in try state.get(\.subscriptions, path.id) },
        Route(.PATCH, "/v1/subscriptions/{id}") { state, request, path throws(APIFailure) in
            try state.withInlinePrices { state throws(APIFailure) in try state.updateSubscription(path.id, request) }
        },
        Route(.DELETE, "/v1/subscriptions/{id}") { state, _, path throws(APIFailure) in try state.cancelSubscription(path.id) },
        Route(.GET, "/v1/invoices") { state, request, _ throws(APIFailure) in try state.listInvoices(request) },
        Route(.GET, "/v1/invoices/{id}") { state, _, path throws(APIFailure) in try state.get(\.invoices, path.id) },
        Route(.GET, "/v1/payment_links") { state, request, _ throws(APIFailure) in try state.listPaymentLinks(request) },
        Route(.POST, "/v1/payment_links") { state, request, _ throws(APIFailure) in
            try state.withInlinePrices { state throws(APIFailure) in try state.createPaymentLink(request) }
        },
        Route(.GET, "/v1/payment_links/{id}") { state, _, path throws(APIFailure) in try state.get(\.paymentLinks, path.id) },
        Route(.PATCH, "/v1/payment_links/{id}") { state, request, path throws(APIFailure) in try state.updatePaymentLink(path.id, request) },
        Route(.GET, "/v1/webhooks") { state, request, _ throws(APIFailure) in try state.listWebhooks(request) },
        Route(.POST, "/v1/webhooks") { state, request, _ throws(APIFailure) in try state.createWebhook(request) },
        Route(.GET, "/v1/webhooks/{id}") { state, _, path throws(APIFailure) in try state.getWebhook(path.id) },
        Route(.DELETE, "/v1/webhooks/{id}") { state, _, path throws(APIFailure) in try state.deleteWebhook(path.id) },
        Route(.GET, "/v1/events") { state, request, _ throws(APIFailure) in try state.listAPIEvents(request) },
        Route(.GET, "/v1/events/{id}") { state, _, path throws(APIFailure) in try state.getEvent(path.id) },
        Route(.GET, "/v1/consumer/letters/{id}") { state, _, path throws(APIFailure) in try state.getLetter(path.id) },
        Route(.GET, "/v1/consumer/orders/{id}/letters") { state, _, path throws(APIFailure) in try state.listOrderLetters(path.id) },
    ]

    /// The simulator's controls that act on the state (reset, seed and snapshots are `Engine`'s).
    static let simulatorRoutes: [Route<State>] = [
        Route(.GET, "/_sim/clock") { state, _, _ throws(APIFailure) in state.clockResponse() },
        Route(.POST, "/_sim/clock/advance") { state, request, _ throws(APIFailure) in try state.advanceClock(request) },
        Route(.POST, "/_sim/clock/set") { state, request, _ throws(APIFailure) in try state.setClock(request) },
        Route(.POST, "/_sim/faults") { state, request, _ throws(APIFailure) in try state.addFault(request) },
        Route(.GET, "/_sim/events") { state, request, _ throws(APIFailure) in try state.listEvents(request) },
        Route(.GET, "/_sim/webhooks/deliveries") { state, request, _ throws(APIFailure) in try state.listWebhookDeliveries(request) },
        Route(.POST, "/_sim/checkout/sessions/{id}/pay") { state, request, path throws(APIFailure) in try state.paySession(path.id, request) },
        Route(.POST, "/_sim/checkout/sessions/{id}/expire") { state, _, path throws(APIFailure) in try state.expireSession(path.id) },
        Route(.POST, "/_sim/checkout/sessions/{id}/dispute") { state, request, path throws(APIFailure) in
            try state.disputeSession(path.id, request)
        },
        Route(.POST, "/_sim/disputes/{id}/resolve") { state, request, path throws(APIFailure) in try state.resolveDispute(path.id, request) },
        Route(.POST, "/_sim/refunds/{id}/settle") { state, request, path throws(APIFailure) in try state.settleRefund(path.id, request) },
        Route(.POST, "/_sim/payment_links/{id}/visit") { state, request, path throws(APIFailure) in
            try state.visitPaymentLink(path.id, request)
        },
    ]
}
