# The card's kind decides what it may pay for: HSA/FSA cards need eligible items.
let thermo = product "Thermometer" eligible price $24.99
let mug = product "Mug" not_eligible price $9.00
let fsa = pay (checkout items [thermo]) with card "5555 5555 5555 4444" fsa
print fsa.status
let credit = pay (checkout items [mug]) with card "4000 0566 5566 5556" credit
print credit.status
expect error no_eligible_items: pay (checkout items [mug x2]) with card "4242 4242 4242 4242" hsa
print it.status
# expect: complete
# expect: complete
# expect: 422
