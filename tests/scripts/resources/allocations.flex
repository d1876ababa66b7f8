# refund_allocation / capture_allocation preview how a split cart's money splits over its two cards.
let thermo = product "Thermometer" eligible price $30.00
let mug = product "Mug" not_eligible price $20.00
let s = checkout items [thermo, mug]
expect error checkout_session_not_complete: api POST "/v1/checkout/sessions/${s.id}/refund_allocation" {checkout_session: {}}
let paid = pay s with card "4242 4242 4242 4242" hsa split card "5555 5555 5555 4444"
let all = api POST "/v1/checkout/sessions/${s.id}/refund_allocation" {checkout_session: {}}
for a in all { print a.last4, a.amount }
let lump = api POST "/v1/checkout/sessions/${s.id}/refund_allocation" {checkout_session: {amount: $35.00}}
print lump[0].amount, lump[1].amount
let split_pm = all[1].payment_method_id
let pinned = api POST "/v1/checkout/sessions/${s.id}/refund_allocation" {checkout_session: {amount: $20.00, payment_methods: [{payment_method_id: split_pm, amount: $15.00}]}}
print pinned[0].amount, pinned[1].amount
expect error refund_amount_too_large: api POST "/v1/checkout/sessions/${s.id}/refund_allocation" {checkout_session: {amount: $50.01}}
expect error payment_method_not_in_session: api POST "/v1/checkout/sessions/${s.id}/refund_allocation" {checkout_session: {payment_methods: [{payment_method_id: "fpm_x", amount: 1}]}}
# The preview changed nothing.
print (checkout get s.id).amount_refunded

let m = checkout items [thermo, mug] capture manual
pay m with card "4242 4242 4242 4242" hsa split card "5555 5555 5555 4444"
let cap = api POST "/v1/checkout/sessions/${m.id}/capture_allocation" {checkout_session: {amount_to_capture: $35.00}}
print cap[0].amount, cap[1].amount
expect error capture_amount_too_large: api POST "/v1/checkout/sessions/${m.id}/capture_allocation" {checkout_session: {amount: $60.00}}
expect error checkout_session_not_authorized: api POST "/v1/checkout/sessions/${s.id}/capture_allocation" {checkout_session: {}}
# expect: 4242 3000
# expect: 4444 2000
# expect: 3000 500
# expect: 500 1500
# expect: 0
# expect: 3000 500
