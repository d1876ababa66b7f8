# Refund whole line items by price.
let thermo = product "Thermometer" eligible price $24.99
let bandage = product "Bandage" eligible price $3.50
let s = pay (checkout items [thermo x1, bandage x2]) with card "4242 4242 4242 4242" hsa
let r = refund s items [bandage]
print r.amount_refunded
let other = product "Other" eligible price $1.00
expect error line_item_not_found: refund s items [other]
expect error refund_not_found: api GET "/v1/refunds/fre_nothing"
print len(refunds) >= 1
# expect: 700
# expect: true
