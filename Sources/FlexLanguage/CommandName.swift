// The name of every command: the key that joins the table's syntax half (here) to the builders in
// FlexInterpreter. Grouped by resource family, as the table files are.

public enum CommandName: String, Hashable, Sendable, BitwiseCopyable, CaseIterable {
    // Catalog.
    case customerCreate, customerGet, customerUpdate, customerDelete, customerList, paymentMethodsOf, paymentMethodGet
    case productCreate, productGet, productUpdate, productList, productProcessingStatus, productWithPrice
    case priceCreate, priceGet, priceUpdate, priceList
    case couponCreate, couponGet, couponList
    case promoCodeCreate, promoCodeGet, promoCodeList
    case shippingRateCreate, shippingRateGet, shippingRateUpdate, shippingRateList
    // Checkout sessions.
    case checkoutCreate, checkoutGet, checkoutList, lineItemsOf, charge
    case refund, capture, cancel, reauth, checkoutConfirm, refundAllocation, captureAllocation
    // Money after checkout.
    case paymentIntentGet, paymentIntentList, paymentIntentCancel
    case refundCreate, refundGet, refundUpdate, refundList
    case captureGet, captureList, captureUpdate
    case disputeGet, disputeList, disputeEvidence, disputeClose
    case balanceTransactionGet, balanceTransactionList
    case setupIntentCreate, setupIntentGet, setupIntentList
    // Subscriptions, invoices, payment links, webhooks, events, letters.
    case subscriptionCreate, subscriptionGet, subscriptionUpdate, subscriptionCancel, subscriptionList
    case invoiceGet, invoiceList
    case paymentLinkCreate, paymentLinkGet, paymentLinkUpdate, paymentLinkList
    case webhookCreate, webhookGet, webhookDelete, webhookList
    case eventGet, events
    case letterGet, lettersOf
    case api
    // Simulator commands (docs/language.md §3, "Command reference"): requests under /_sim/.
    case pay, expire, clockShow, clockAdvance, clockSet, failNext, declineNext, simEvents
    case webhookDeliveries, disputeOpen, disputeResolve, refundSettle, paymentLinkVisit
    case simReset, simSeed, simSnapshot, simRestore
}
