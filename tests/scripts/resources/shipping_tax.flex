# Shipping rates and tax add to a session's total; shipping goes on the split card of a split cart.
let thermo = product "Thermometer" eligible price $30.00
let mug = product "Mug" not_eligible price $10.00
let ground = api POST "/v1/shipping_rates" {shipping_rate: {display_name: "Ground", amount: $7.99}}
print ground.display_name, ground.amount, ground.active
let s = checkout items [thermo, mug] fields {shipping_options: {shipping_rate_id: ground.id}, tax_rate: {amount: $1.50}}
print s.amount_subtotal, s.total_details.amount_shipping, s.total_details.amount_tax, s.amount_total
print s.shipping_options.display_name, s.tax_calculation_mode
let paid = pay s with card "4242 4242 4242 4242" hsa split card "5555 5555 5555 4444"
for id in paid.payment_intents { print (api GET "/v1/payment_intents/${id}").amount }
let inclusive = checkout items [thermo] fields {tax_rate: {amount: $1.50}, tax_calculation_mode: "inclusive"}
print inclusive.amount_total, inclusive.total_details.amount_tax
expect error invalid_request: api POST "/v1/shipping_rates" {shipping_rate: {display_name: "Bad", amount: -1}}
expect error invalid_request: api POST "/v1/shipping_rates" {shipping_rate: {amount: 100}}
api PATCH "/v1/shipping_rates/${ground.id}" {shipping_rate: {active: false}}
expect error shipping_rate_inactive: checkout items [thermo] fields {shipping_options: {shipping_rate_id: ground.id}}
expect error shipping_rate_not_found: checkout items [thermo] fields {shipping_options: {shipping_rate_id: fshr_nope}}
# expect: Ground 799 true
# expect: 4000 799 150 4949
# expect: Ground exclusive
# expect: 3000
# expect: 1949
# expect: 3000 150
