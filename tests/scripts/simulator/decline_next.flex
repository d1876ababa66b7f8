# decline next N charges: the next card charges decline; the session stays open.
let thermo = product "Thermometer" eligible price $24.99
let s = checkout items [thermo]
decline next 1 charges with insufficient_funds
expect error card_declined: pay s with card "4242 4242 4242 4242" hsa
print it.status
print (checkout get s).status
let paid = pay s with card "4242 4242 4242 4242" hsa
print paid.status
# expect: 402
# expect: open
# expect: complete
