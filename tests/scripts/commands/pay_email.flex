# pay's `email` clause is the shopper's e-mail on the hosted page; the new customer gets it.
let thermo = product "Thermometer" eligible price $24.99
let paid = pay (checkout items [thermo]) with card "4242 4242 4242 4242" hsa email "shopper@example.com"
let shopper = customer get paid.customer
print shopper.email
# a session for a known customer keeps that customer
let known = customer create email "known@example.com"
let again = pay (checkout items [thermo] customer known) with card "4242 4242 4242 4242" hsa
expect again.customer == known.id
print len(customers)
# expect: shopper@example.com
# expect: 2
