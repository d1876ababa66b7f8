# LMN items need the shopper's consultation on-session; an approved letter lasts 12 months.
let cpap = product "CPAP machine" lmn price $600.00
let s = checkout items [cpap] save_card
expect s.letter_of_medical_necessity_required
expect error letter_of_medical_necessity_required: pay s with card "4242 4242 4242 4242" hsa
expect error letter_of_medical_necessity_denied: pay s with card "4242 4242 4242 4242" hsa lmn denied
let paid = pay s with card "4242 4242 4242 4242" hsa lmn approved
print paid.status
print paid.fees[0].fee_type, paid.fees[0].applied
# the letter is on file: the same customer's next on-session purchase needs no consultation
let next = pay (checkout items [cpap] customer paid.customer) with card "4242 4242 4242 4242" hsa
print next.status, len(next.fees)
let pm = (payment_methods of paid.customer)[0]
let again = charge customer paid.customer with pm items [cpap]
print again.status
clock advance 366d
expect error letter_of_medical_necessity_expired: charge customer paid.customer with pm items [cpap]
# expect: complete
# expect: lmn_consultation true
# expect: complete 0
# expect: complete
