# Every subscription rule has its own error code (docs/simulator.md, "Subscriptions").
let gym = product create name "Gym membership" lmn
let monthly = price create product gym amount $49.00 recurring monthly
let yearly = price create product gym amount $490.00 recurring yearly
let vitamins = product create name "Vitamins" eligible
let vitamin_plan = price create product vitamins amount $15.00 recurring monthly
let one_time = product "Gym bag" lmn price $20.00
expect error price_not_recurring: checkout items [one_time] mode subscription
expect error recurring_interval_mismatch: checkout items [monthly, yearly] mode subscription
expect error product_not_lmn_eligible: checkout items [monthly, vitamin_plan] mode subscription
expect error manual_capture_not_supported: checkout items [monthly] mode subscription capture manual
expect error subscription_not_found: api GET "/v1/subscriptions/fsub_01ARZ3NDEKTSV4RRFFQ69G5FAV"
expect error invalid_request: api GET "/v1/subscriptions?status=sleeping"
expect error customer_required: api POST "/v1/subscriptions" {subscription: {items: [{price: monthly.id}]}}
# A saved HSA card without a letter for the gym cannot carry the subscription.
let thermo = product "Thermometer" eligible price $10.00
let s = checkout items [thermo] save_card
let paid = pay s with card "4242 4242 4242 4242" hsa
let card = (payment_methods of paid.customer)[0]
expect error payment_method_required: api POST "/v1/subscriptions" {subscription: {customer: paid.customer, items: [{price: monthly.id}]}}
expect error letter_of_medical_necessity_required: api POST "/v1/subscriptions" {subscription: {customer: paid.customer, items: [{price: monthly.id}], default_payment_method: card.id}}
# A declined first charge stores nothing (the customer keeps only the subscription they checked out).
let lmn_s = checkout items [monthly] mode subscription
let lmn_paid = pay lmn_s with card "4242 4242 4242 4242" hsa lmn approved
decline next 1 charges
expect error card_declined: api POST "/v1/subscriptions" {subscription: {customer: lmn_paid.customer, items: [{price: monthly.id}], default_payment_method: (payment_methods of lmn_paid.customer)[0].id}}
print len((api GET "/v1/subscriptions?customer=${lmn_paid.customer}"))
# expect: 1
