# pay plays the shopper: the session completes and a customer is created for it.
let thermo = product "Thermometer" eligible price $24.99
let s = checkout items [thermo x2]
let paid = pay s with card "4242 4242 4242 4242" hsa
print paid.status
print paid.amount_total, paid.amount_received
expect paid.id == s.id
expect paid.customer matches "^fcus_"
expect (customer get paid.customer).id == paid.customer
expect paid.payment_intent matches "^fpi_"
print (checkout get s).status
# expect: complete
# expect: 4998 4998
# expect: complete
