# The rest of docs/simulator.md's error table, one line each.
let thermo = product "Thermometer" eligible price $24.99

# a known path with the wrong method
expect error method_not_allowed: api DELETE "/v1/customers"
expect it.status == 405
# totals above $999,999.99
let pricey = product "Hot tub" eligible price $600000.00
expect error amount_too_large: checkout items [pricey x2]
# inactive prices cannot be sold
let old = product "Old model" eligible price $5.00
api POST "/v1/prices/${old.id}" {price: {active: false}}
expect error price_inactive: checkout items [old]
# a subscription needs recurring prices
expect error price_not_recurring: checkout items [thermo] mode subscription
# a canceled authorization cannot be paid again
let held = checkout items [thermo] capture manual
pay held with card "4242 4242 4242 4242" hsa
cancel held
expect error checkout_session_canceled: pay held with card "4242 4242 4242 4242" hsa
# fault injection validates its own input
expect error invalid_request: fail next 1 requests with 200
expect error invalid_request: api POST "/_sim/faults" {fault: {kind: "request", count: 0, status: 500}}
expect error invalid_request: sim seed -1
print "all refused"
# expect: all refused
