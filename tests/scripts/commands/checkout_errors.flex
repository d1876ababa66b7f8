# Bad carts are refused before anything is stored.
let thermo = product "Thermometer" eligible price $24.99
expect error price_not_found: checkout items [fprice_missing]
expect error invalid_request: checkout items [thermo x0]
expect it.message contains "quantity"
expect error invalid_request: checkout items []
expect error customer_not_found: checkout items [thermo] customer fcus_nobody
expect error product_not_found: price create product fprod_nothing amount $1
print len(checkouts)
# expect: 0
