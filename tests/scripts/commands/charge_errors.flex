# Off-session charges check the customer, the card and the cart, each with its own code.
let thermo = product "Thermometer" eligible price $24.99
let mug = product "Mug" not_eligible price $9.00
let saved = pay (checkout items [thermo] save_card) with card "4242 4242 4242 4242" hsa
let pm = (payment_methods of saved.customer)[0]
let other = pay (checkout items [thermo]) with card "5555 5555 5555 4444" hsa

# no split cart off-session: every item must be eligible
expect error split_cart_not_allowed: charge customer saved.customer with pm items [thermo x1, mug x1]
expect it.message contains "Mug" or it.message contains mug.id
expect it.status == 422
# the card belongs to someone else
expect error payment_method_customer_mismatch: charge customer other.customer with pm items [thermo]
# unknown customer and unknown card
expect error customer_not_found: charge customer fcus_nobody with pm items [thermo]
expect error payment_method_not_found: charge customer saved.customer with fpm_nothing items [thermo]
print "every violation refused"
# expect: every violation refused
