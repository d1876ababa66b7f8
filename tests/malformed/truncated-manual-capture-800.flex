#!/usr/bin/env -S flex run
# Manual capture: authorize now, capture when the order ships. Useful when stock or
# the final amount is not known at checkout.

let chair = product "Shower chair" eligible price $80.00
let s = checkout items [chair] capture manual
expect s.capture_method == "manual"

# The shopper pays, but the money is only held.
let held = pay s with card "4242 4242 4242 4242" hsa
expect held.status == "paid"
print "authorized: ${held.status}"

# Capture less than was authorized (one chair was out of stock at a lower price).
let done = capture s amount $65.00
expect done.amount_received == $65.00
print "captured ${dollars(done.amount_received)}"

# Another order: the hold is renewed, then released.
let s2 = checkout items [chair] capture manual
pay s2 with card "4242 4242 424