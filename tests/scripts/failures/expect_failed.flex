# A failed expect stops the run with exit 4; what was printed before stays on stdout.
let thermo = product "Thermometer" eligible price $24.99
print "created"
expect thermo.unit_amount == $25.00
print "never printed"
# expect: created
# expect error: 4:8: expectation failed: thermo.unit_amount == $25.00
# expect exit: 4
