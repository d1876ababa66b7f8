# Flex's test card 4000 0000 0000 9995 always declines.
let thermo = product "Thermometer" eligible price $24.99
let s = checkout items [thermo]
expect error card_declined: pay s with card "4000 0000 0000 9995" hsa
expect it.status == 402
print (checkout get s).status
# expect: open
