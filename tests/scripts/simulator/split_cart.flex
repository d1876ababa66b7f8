# A split cart paid with an HSA card needs a second card for the ineligible part.
let thermo = product "Thermometer" eligible price $24.99
let mug = product "Mug" not_eligible price $9.00
let s = checkout items [thermo, mug]
expect s.hsa_fsa_eligible
expect error split_card_required: pay s with card "4242 4242 4242 4242" hsa
expect it.message contains "Mug" or it.message contains mug.id
let paid = pay s with card "4242 4242 4242 4242" hsa split card "5555 5555 5555 4444"
print paid.status, paid.amount_received
print len(paid.payment_intents)
print len(events type "payment_intent.succeeded")
expect error split_card_not_applicable: pay (checkout items [thermo]) with card "4242 4242 4242 4242" hsa split card "5555 5555 5555 4444"
# expect: complete 3399
# expect: 2
# expect: 2
