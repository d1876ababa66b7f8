# `product NAME ELIGIBILITY price MONEY` creates both and evaluates to the price.
let thermo = product "Digital thermometer" eligible price $24.99
print thermo.unit_amount
expect thermo.price_id matches "^fprice_"
let prod = product get thermo.product
print prod.name, prod.hsa_fsa_eligibility
let mug = product "Mug" not_eligible price $9
print mug.unit_amount, mug.hsa_fsa_eligibility
# expect: 2499
# expect: Digital thermometer auto_substantiation
# expect: 900 not_eligible
