#!/usr/bin/env -S flex run
# Split carts: an eligible thermometer and an ineligible mug in one order. The HSA card
# pays for the thermometer; a second, ordinary card pays for the mug. The merchant sees
# one order; Flex makes two payment intents.

let thermo = product "Digital thermometer" eligible price $24.99
let mug = product "Coffee mug" not_eligible price $9.00
let s = checkout items [thermo, mug]
expect s.hsa_fsa_eligible
expect s.amount_total == $33.99

# The HSA card alone cannot pay for the mug.
expect error split_card_required: pay s with card "4242 4242 4242 4242" hsa
print "HSA card alone: ${it.code}"

# With a second card for the ineligible part, the whole order completes.
let paid = pay s with card "4242 4242 4242 4242" hsa split card "5555 5555 5555 4444"
expect paid.status == "complete"
expect paid.amount_received == $33.99
expect len(paid.payment_intents) == 2
print "paid ${dollars(paid.amount_received)} with two cards"

# Two payment intents means two payment_intent.succeeded webhooks.
let succeeded = sim events type "payment_intent.succeeded"
expect len(succeeded) == 2
print "payment_intent.succeeded fired ${len(succeeded)} times"

# An ordinary credit card pays for everything on its own.
let s2 = checkout items [thermo, mug]
expect (pay s2 with card "5555 5555 5555 4444" credit).status == "complete"

# expect: HSA card alone: split_card_required
# expect: paid $33.99 with two cards
# expect: payment_intent.succeeded fired 2 times
