# Changing a subscription mid-period: a second seat is charged for the rest of the week at once,
# dropping it again is refunded the same way, and the next renewal bills the new amount. The
# subscription is made from an inline price (`price_data`), a one-off price no other cart can use.
let gym = product create name "Gym membership" lmn
let s = api POST "/v1/checkout/sessions" {checkout_session: {mode: "subscription", success_url: "https://shop.example/ok",
    line_items: [{price_data: {product: gym.product_id, unit_amount: 7000, recurring: {interval: "weekly"}}, quantity: 1}]}}
let paid = pay s with card "4242 4242 4242 4242" hsa lmn approved
let sub = api GET "/v1/subscriptions/${paid.subscription}"
let item = sub.items[0]
print item.price.unit_amount, item.price.active, sub.proration_behavior
expect error price_inactive: checkout items [item.price.price_id]

# Day 3.5 of 7: half the week is left, so a second seat costs half of $70.00 now.
clock advance 302399s
let two = api PATCH "/v1/subscriptions/${sub.subscription_id}" {subscription: {items: [{id: item.subscription_item_id, quantity: 2}]}}
let invoice = api GET "/v1/invoices/${two.latest_invoice}"
print two.amount, invoice.billing_reason, dollars(invoice.amount_paid)
# And back to one seat a second later: the same half week, refunded.
let one = api PATCH "/v1/subscriptions/${sub.subscription_id}" {subscription: {items: [{id: item.subscription_item_id, quantity: 1}]}}
print one.amount, (events)[-3].event_type, dollars((events)[-3].object.amount)
expect error subscription_item_not_found: api PATCH "/v1/subscriptions/${sub.subscription_id}" {subscription: {items: [{id: "fsubi_01ARZ3NDEKTSV4RRFFQ69G5FAV", quantity: 2}]}}
expect error invalid_request: api PATCH "/v1/subscriptions/${sub.subscription_id}" {subscription: {items: [{id: item.subscription_item_id, deleted: true}]}}
# expect: 7000 false always_invoice
# expect: 14000 subscription_update $35.00
# expect: 7000 refund.created $35.00
