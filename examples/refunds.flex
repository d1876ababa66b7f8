#!/usr/bin/env -S flex run
# Refunds: part of an order, one line item, then the rest. Flex refunds checkout
# sessions, and never more than it received.

let thermo = product "Digital thermometer" eligible price $24.99
let strips = product "Test strips" eligible price $12.50
let s = checkout items [thermo, strips x2]

# Only a complete session can be refunded.
expect error checkout_session_not_complete: refund s
print "before payment: ${it.code}"

let paid = pay s with card "4242 4242 4242 4242" hsa
expect paid.amount_received == $49.99

# A partial refund by amount (in cents, like everything in Flex)...
let r1 = refund s amount $5.00
expect r1.amount_refunded == $5.00
# ...then one line item in full...
let r2 = refund s items [strips]
expect r2.amount_refunded == $30.00
# ...then whatever is left.
let r3 = refund s
expect r3.amount_refunded == $49.99
expect len(r3.refunds) == 3
print "refunded ${dollars(r3.amount_refunded)} in ${len(r3.refunds)} refunds"

# Nothing is left to give back.
expect error already_refunded: refund s amount $0.01
print "after everything: ${it.code}"

# A refund starts pending: the money is promised (it counts in amount_refunded at once) but
# the card network has not confirmed it yet. The simulator settles it an hour later.
expect r3.refunds[0].status == "pending"
clock advance 1h
let settled = checkout get s
print "an hour later: ${settled.refunds[0].status}, reference number ${settled.refunds[0].reference_status}"

# expect: before payment: checkout_session_not_complete
# expect: refunded $49.99 in 3 refunds
# expect: after everything: already_refunded
# expect: an hour later: succeeded, reference number available
