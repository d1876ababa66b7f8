#!/usr/bin/env -S flex run
# Quickstart: a shopper buys a thermometer with their HSA card.
# Everything runs against flex's embedded simulator: no API key, no network,
# and the same IDs every time (seed 42). Run it with `flex run examples/quickstart.flex`.

print "Welcome to flex: a small language for Flex HSA/FSA checkouts."

# A product and its price in one step. `eligible` means HSA/FSA eligible
# (auto-substantiated); `$24.99` is the integer 2499, in cents.
let thermo = product "Digital thermometer" eligible price $24.99
print "Created a price of ${dollars(thermo.unit_amount)} for the thermometer."

# A checkout session: what your shop creates before sending the shopper to Flex.
let s = checkout items [thermo x2] success "https://shop.example/thanks"
expect s.status == "open"
expect s.amount_total == $49.98
expect s.id matches "^fcs_[0-9A-Z]{26}$"
print "The checkout session is ${s.status}: ${dollars(s.amount_total)} to pay."

# `pay` plays the shopper on Flex's hosted page (simulator only).
let paid = pay s with card "4242 4242 4242 4242" hsa
expect paid.status == "complete"
expect paid.amount_received == $49.98
print "Paid with an HSA card; the session is now ${paid.status}."

# The simulator records the webhooks Flex would have sent.
let last = (sim events for s)[-1]
expect last.event_type == "checkout.session.completed"
print "Your webhook would receive: ${last.event_type}"
print "Next: try examples/off-session.flex, or write your own script."

# expect: Welcome to flex: a small language for Flex HSA/FSA checkouts.
# expect: Created a price of $24.99 for the thermometer.
# expect: The checkout session is open: $49.98 to pay.
# expect: Paid with an HSA card; the session is now complete.
# expect: Your webhook would receive: checkout.session.completed
# expect: Next: try examples/off-session.flex, or write your own script.
