# Refunds: partial, then the rest; never more than was received; only complete sessions.
let thermo = product "Thermometer" eligible price $24.99
let s = checkout items [thermo x2]
expect error checkout_session_not_complete: refund s
expect it.status == 422
pay s with card "4242 4242 4242 4242" hsa
let partial = refund s amount $10.00
print partial.amount_refunded
print len(partial.refunds)
expect error refund_amount_too_large: refund s amount $40.00
let rest = refund s
print rest.amount_refunded
print rest.status
expect error already_refunded: refund s amount $0.01
# expect: 1000
# expect: 1
# expect: 4998
# expect: complete
