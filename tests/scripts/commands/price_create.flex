# price create attaches an amount (integer cents) to a product.
let p = product create name "Thermometer" eligible
let pr = price create product p amount $24.99
print pr.unit_amount
expect pr.product == p.id
expect pr.price_id matches "^fprice_"
expect pr.hsa_fsa_eligibility == "auto_substantiation"
let cents = price create product p.id amount 1999
print cents.unit_amount
let monthly = price create product p amount $9.00 recurring monthly
print monthly.recurring.interval
expect (price get pr).unit_amount == 2499
# expect: 2499
# expect: 1999
# expect: monthly
