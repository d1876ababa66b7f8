# Confirm charges only the HSA/FSA-eligible part of an open session to a saved card.
let thermo = product "Thermometer" eligible price $30.00
let mug = product "Mug" not_eligible price $20.00
let first = checkout items [thermo] save_card
let paid = pay first with card "4242 4242 4242 4242" hsa
let pm = (payment_methods of paid.customer)[0]
let s = checkout items [thermo, mug] customer paid.customer
let done = api POST "/v1/checkout/sessions/${s.id}/confirm" {checkout_session: {payment_method: pm.id}}
print done.status, done.amount_total, done.amount_received
print done.payment_intent.amount, done.payment_intent.status
expect error checkout_session_already_processed: api POST "/v1/checkout/sessions/${s.id}/confirm" {checkout_session: {payment_method: pm.id}}
# Nothing eligible: nothing charged, no payment intent.
let only_mug = checkout items [mug] customer paid.customer
let none = api POST "/v1/checkout/sessions/${only_mug.id}/confirm" {checkout_session: {payment_method: pm.id}}
print none.payment_intent, none.amount_received
let manual = checkout items [thermo] capture manual
expect error manual_capture_not_supported: api POST "/v1/checkout/sessions/${manual.id}/confirm" {checkout_session: {payment_method: pm.id}}
expect it.status == 422
let fresh = checkout items [thermo]
expect error payment_method_required: api POST "/v1/checkout/sessions/${fresh.id}/confirm" {checkout_session: {capture_method: "automatic"}}
expect error payment_method_not_found: api POST "/v1/checkout/sessions/${fresh.id}/confirm" {checkout_session: {payment_method: "fpm_nope"}}
# expect: complete 5000 3000
# expect: 3000 succeeded
# expect: null 0
