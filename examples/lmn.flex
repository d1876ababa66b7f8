#!/usr/bin/env -S flex run
# Letters of medical necessity (LMN): some products are HSA/FSA eligible only with a
# doctor's letter. On-session, the shopper gets one through a short consultation on
# Flex's hosted page; the letter then covers that customer and product for 12 months.

let cpap = product "CPAP machine" lmn price $600.00
let s = checkout items [cpap] save_card
expect s.letter_of_medical_necessity_required
expect s.hsa_fsa_eligible

# Paying with an HSA card needs the consultation's outcome.
expect error letter_of_medical_necessity_required: pay s with card "4242 4242 4242 4242" hsa
print "without a letter: ${it.code}"

# A denied consultation leaves the session open...
expect error letter_of_medical_necessity_denied: pay s with card "4242 4242 4242 4242" hsa lmn denied
expect (checkout get s).status == "open"

# ...and an approved one completes it and stores the letter.
let paid = pay s with card "4242 4242 4242 4242" hsa lmn approved
expect paid.status == "complete"
# The consultation shows up as a fee line on the session.
expect paid.fees[0].fee_type == "lmn_consultation"
print "approved and paid: ${dollars(paid.amount_received)}"

# With the letter on file, the saved card can be charged off-session.
let saved_card = (payment_methods of paid.customer)[0]
let refill = charge customer paid.customer with saved_card items [cpap]
expect refill.status == "complete"
print "off-session within the year: ${refill.status}"

# Thirteen months later the letter has expired: the customer must be re-approved.
clock advance 395d
expect error letter_of_medical_necessity_expired: charge customer paid.customer with saved_card items [cpap]
print "after 13 months: ${it.code}"

# expect: without a letter: letter_of_medical_necessity_required
# expect: approved and paid: $600.00
# expect: off-session within the year: complete
# expect: after 13 months: letter_of_medical_necessity_expired
