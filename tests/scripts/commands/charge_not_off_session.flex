# A card used without save_card is kept on the customer, but not for off-session charges.
let thermo = product "Thermometer" eligible price $24.99
let c = customer create email "pm@example.com"
pay (checkout items [thermo] customer c) with card "4242 4242 4242 4242" hsa
let methods = payment_methods of c
print len(methods), methods[0].off_session
expect error payment_method_not_off_session: charge customer c with methods[0] items [thermo]
print it.status
# saving the same card later makes it usable off-session
pay (checkout items [thermo] customer c save_card) with card "4242 4242 4242 4242" hsa
let saved = (payment_methods of c)[0]
print saved.off_session
print (charge customer c with saved items [thermo]).status
# expect: 1 false
# expect: 422
# expect: true
# expect: complete
