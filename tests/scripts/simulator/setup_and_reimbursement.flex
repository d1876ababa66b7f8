# Setup mode saves a card without charging; reimbursement mode runs the LMN intake for products
# bought elsewhere and charges nothing.
let setup = checkout items [] mode setup
print setup.mode, setup.amount_total
let saved = pay setup with card "4242 4242 4242 4242"
print saved.status, len(saved.payment_intents)
let card = (payment_methods of saved.customer)[0]
print card.off_session, card.card.card_kind
let thermo = product "Thermometer" eligible price $24.99
expect error invalid_request: checkout items [thermo] mode setup
let later = charge customer saved.customer with card items [thermo]
print later.status, dollars(later.amount_received)

let cpap = product create name "CPAP machine" lmn
let r = api POST "/v1/checkout/sessions" {checkout_session: {mode: "reimbursement", line_items: [{product: cpap.product_id}]}}
let s = r
print s.mode, s.amount_total
expect error letter_of_medical_necessity_denied: pay s with card "4242 4242 4242 4242" lmn denied
let done = pay s with card "4242 4242 4242 4242" lmn approved
print done.status, done.fees[0].fee_type
let consultation = (events type "consultation.approved")[0].object
expect consultation.consultation_id matches "^fcons_"
expect error letter_of_medical_necessity_not_applicable: api POST "/v1/checkout/sessions" {checkout_session: {mode: "reimbursement", line_items: [{product: thermo.product}]}}
# expect: setup 0
# expect: complete 0
# expect: true hsa
# expect: complete $24.99
# expect: reimbursement 0
# expect: complete lmn_consultation
