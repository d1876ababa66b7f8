# An off-session charge on a declining card fails with card_declined and stores no session.
let thermo = product "Thermometer" eligible price $24.99
let first = pay (checkout items [thermo] save_card) with card "4242 4242 4242 4242" hsa
let pm = (payment_methods of first.customer)[0]
let before = len(checkouts)
decline next 1 charges with insufficient_funds
expect error card_declined: charge customer first.customer with pm items [thermo]
print it.status
expect len(checkouts) == before
print (charge customer first.customer with pm items [thermo]).status
# the simulator's off-session decline card (docs/simulator.md) declines every time
let other = pay (checkout items [thermo] save_card) with card "4000 0000 0000 0341" hsa
let bad = (payment_methods of other.customer)[0]
expect error card_declined: charge customer other.customer with bad items [thermo]
# expect: 402
# expect: complete
