#!/usr/bin/env -S flex run
# Declines: Flex's test card 4000 0000 0000 9995 always declines, and the simulator
# can decline the next charges on demand. A declined session stays open, so the
# shopper can try another card.

let thermo = product "Digital thermometer" eligible price $24.99
let s = checkout items [thermo]

expect error card_declined: pay s with card "4000 0000 0000 9995" hsa
expect it.status == 402
print "test card: ${it.code}"
expect (checkout get s).status == "open"

# Inject a decline for the next charge, whatever the card.
decline next 1 charges with insufficient_funds
expect error card_declined: pay s with card "4242 4242 4242 4242" hsa
print "injected: ${it.code}"

# The injection is used up: the next attempt succeeds.
let paid = pay s with card "4242 4242 4242 4242" hsa
expect paid.status == "complete"
print "thi