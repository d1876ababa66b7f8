# Every Flex object answers `.id`: its own `*_id` field.
let c = customer create email "id@example.com"
expect c.id == c.customer_id
expect c.id matches "^fcus_[0-9A-Z]{26}$"
let p = product create name "Bandage" eligible
expect p.id == p.product_id
expect p.id matches "^fprod_"
let pr = price create product p amount $3.50
expect pr.id == pr.price_id
expect pr.id matches "^fprice_"
let s = checkout items [pr x2]
expect s.id == s.checkout_session_id
expect s.id matches "^fcs_[0-9A-Z]{26}$"
# an object works wherever an ID is expected, and so does its ID
expect (customer get c).email == "id@example.com"
expect (customer get c.id).email == "id@example.com"
print "ids ok"
# expect: ids ok
