# `include` runs another file (path relative to this one) once, sharing its definitions.
include "lib/shop.flex"
include "lib/shop.flex"
print shop_name
let p = eligible_price("Saline", $6.50)
print p.unit_amount
print with_tax(1000)
# expect: shop helpers loaded
# expect: Example Pharmacy
# expect: 650
# expect: 1080
