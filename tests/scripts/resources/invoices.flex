# Every subscription charge is an invoice: the first payment and each renewal; a declined renewal
# leaves its invoice open. latest_invoice names the newest.
let gym = product create name "Gym membership" lmn
let monthly = api POST "/v1/prices" {price: {product: gym.id, unit_amount: 4900, recurring: {interval: "monthly"}}}
let s = checkout items [monthly] mode subscription
let paid = pay s with card "4242 4242 4242 4242" hsa lmn approved
let sub = paid.subscription
let first = api GET "/v1/invoices/${paid.invoice}"
print first.status, first.billing_reason, dollars(first.amount_paid), first.subscription == sub
print (api GET "/v1/subscriptions/${sub}").latest_invoice == first.invoice_id, (events)[-2].event_type
clock advance 31d
let renewed = api GET "/v1/subscriptions/${sub}"
let second = api GET "/v1/invoices/${renewed.latest_invoice}"
print second.billing_reason, second.status, second.period_start == renewed.current_period_start
print len(api GET "/v1/invoices?subscription=${sub}")
expect error invoice_not_found: api GET "/v1/invoices/finv_01KDX00000000000000000000A"
expect error invalid_request: api GET "/v1/invoices?status=void"
# expect: paid subscription_create $49.00 true
# expect: true invoice.payment_succeeded
# expect: subscription_cycle paid true
# expect: 2
