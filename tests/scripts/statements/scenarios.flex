# Each scenario starts from a fresh simulator with the same seed; the top-level statements
# before the first scenario are shared setup, run again for each scenario.
let thermo = product "Thermometer" eligible price $24.99
print "setup"

scenario "one customer" {
    customer create email "one@example.com"
    print "scenario one sees", len(customers)
}

scenario "a fresh simulator" {
    print "scenario two sees", len(customers)
    let s = checkout items [thermo x1]
    print s.amount_total
}
# expect: setup
# expect: scenario one sees 1
# expect: setup
# expect: scenario two sees 0
# expect: 2499
