# capture manual stops at an authorized (paid) session; capture, cancel and reauth act on it.
let thermo = product "Thermometer" eligible price $24.99
let s = checkout items [thermo x2] capture manual
let held = pay s with card "4242 4242 4242 4242" hsa
print held.status
expect error capture_amount_too_large: capture s amount $50.00
let captured = capture s amount $30.00
print captured.amount_received
expect error checkout_session_not_authorized: capture (checkout items [thermo])
let s2 = checkout items [thermo] capture manual
pay s2 with card "4242 4242 4242 4242" hsa
let renewed = reauth s2
print renewed.status
let canceled = cancel s2
print canceled.status
expect error checkout_session_not_authorized: capture s2
# expect: paid
# expect: 3000
# expect: paid
# expect: canceled
