# The off-session rules hold for raw requests too: customer and payment_method are required.
let thermo = product "Thermometer" eligible price $24.99
expect error customer_required: api POST "/v1/checkout/sessions" {checkout_session: {mode: "off_session", line_items: [{price: thermo.id, quantity: 1}]}}
expect it.status == 400
let c = customer create email "raw@example.com"
expect error payment_method_required: api POST "/v1/checkout/sessions" {checkout_session: {mode: "off_session", customer: c.id, line_items: [{price: thermo.id, quantity: 1}]}}
expect error invalid_request: api POST "/v1/checkout/sessions" {line_items: []}
expect error invalid_request: api POST "/v1/checkout/sessions" {checkout_session: {line_items: [{price: thermo.id, quantity: 1}], mode: "teleport"}}
print "refused"
# expect: refused
