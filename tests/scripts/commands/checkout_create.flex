# checkout creates an open session with amounts and eligibility flags.
let thermo = product "Thermometer" eligible price $24.99
let bandage = product "Bandage" eligible price $3.50
let s = checkout items [thermo x2, bandage]
print s.status, s.mode
print s.amount_subtotal, s.amount_total
print s.hsa_fsa_eligible, s.letter_of_medical_necessity_required
expect s.checkout_session_id matches "^fcs_[0-9A-Z]{26}$"
expect s.redirect_url contains s.id
expect s.expires_at > s.created_at
expect s.capture_method == "automatic"
expect s.test_mode
let same = checkout create items [thermo x 1]
print same.amount_total
let lines = line_items of s
print len(lines)
print lines[0].quantity, lines[1].quantity
# expect: open payment
# expect: 5348 5348
# expect: true false
# expect: 2499
# expect: 2
# expect: 2 1
