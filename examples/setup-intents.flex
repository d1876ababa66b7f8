#!/usr/bin/env -S flex run
# Saving a card without charging it: a setup-mode checkout session has an empty cart and a
# setup intent. The shopper enters their card on the hosted page, nothing is charged, and the
# card is saved on a customer for charges made later with no shopper present.

let ada = customer create email "ada@example.com" first_name "Ada"
let setup = checkout items [] mode setup customer ada
let intent = setup_intent get setup.setup_intent
print "before: ${intent.status}, for ${intent.usage} use"

# Your own id for the saved card goes on the intent.
setup_intent create checkout setup partner_id "ada-card-1"

# The shopper saves an HSA card; no money moves.
let saved = pay setup with card "4242 4242 4242 4242" hsa
let done = setup_intent get setup.setup_intent
let card = (payment_methods of ada)[0]
print "after: ${done.status}, card ending in ${card.card.last4}, ${done.partner_id}"
print "charged: ${len(balance_transactions)} transactions"

# A week later the order ships: charge the saved card off-session.
clock advance 7d
let strips = product "Test strips" eligible price $12.50
let order = charge customer ada with card items [strips x3]
print "charged off-session: ${dollars(order.amount_received)} (${order.status})"
print "setup intents of ada: ${len(setup_intents customer ada)}"
# expect: before: requires_payment_method, for off_session use
# expect: after: succeeded, card ending in 4242, ada-card-1
# expect: charged: 0 transactions
# expect: charged off-session: $37.50 (complete)
# expect: setup intents of ada: 1
