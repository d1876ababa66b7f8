#!/usr/bin/env -S flex run
# Subscriptions: Flex bills recurring prices of letter-of-medical-necessity products (a gym
# membership, say) to a saved card, every period, off-session. A subscription checkout starts
# the subscription; the simulator's clock drives the renewals.

let gym = product create name "Gym membership" lmn
let monthly = price create product gym amount $49.00 recurring monthly
let s = checkout items [monthly] mode subscription success "https://gym.example/welcome"

# The subscription exists from the start, incomplete until the first payment.
let sub = s.subscription
print "before paying: ${(subscription get sub).status}"

# The shopper pays with an HSA card; the consultation issues the letter the membership needs.
let paid = pay s with card "4242 4242 4242 4242" hsa lmn approved
let active = subscription get sub
print "after paying: ${active.status}, next charge ${active.current_period_end}"

# Two months later, two more periods were charged to the saved card.
clock advance 60d
let periods = checkouts subscription sub
print "${len(periods)} payments of ${dollars(periods[0].amount_received)}"

# One renewal is declined: the subscription falls past_due, then recovers on the next charge.
decline next 1 charges
clock advance 31d
print "declined: ${(subscription get sub).status}"
clock advance 31d
print "next month: ${(subscription get sub).status}"

# Canceling stops the charges at the end of the period already paid for.
let canceling = subscription cancel sub
expect canceling.cancel_at_period_end
clock advance 31d
print "after canceling: ${(subscription get sub).status}"

# expect: before paying: incomplete
# expect: after paying: active, next charge 2026-02-01T00:00:04Z
# expect: 3 payments of $49.00
# expect: declined: past_due
# expect: next month: active
# expect: after canceling: canceled
