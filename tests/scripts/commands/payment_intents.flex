# Payment intents and refunds can be read back.
let thermo = product "Thermometer" eligible price $24.99
let s = pay (checkout items [thermo]) with card "4242 4242 4242 4242" hsa
let pi = payment_intent get s.payment_intent
print pi.status, pi.amount
expect pi.id == s.payment_intent
print len(payment_intents checkout s)
expect error payment_intent_not_found: payment_intent get fpi_nothing
refund s amount $1.00
print len(refunds)
# expect: succeeded 2499
# expect: 1
# expect: 1
