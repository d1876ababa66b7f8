# Refund amounts are positive cents, either a lump sum or line items, not both.
let thermo = product "Thermometer" eligible price $24.99
let s = pay (checkout items [thermo x2]) with card "4242 4242 4242 4242" hsa
expect error invalid_request: refund s amount 0
expect error invalid_request: refund s amount $1.00 items [thermo]
expect error checkout_session_not_found: refund fcs_nothing
let r = refund s amount $0.01
print r.amount_refunded, r.status
# expect: 1 complete
