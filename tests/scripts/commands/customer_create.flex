# customer create sends POST /v1/customers and evaluates to the customer.
let c = customer create email "ada@example.com" first_name "Ada" last_name "Lovelace" phone "+15555550100"
print c.email
print c.first_name, c.last_name
print c.phone
expect c.customer_id matches "^fcus_[0-9A-Z]{26}$"
expect c.test_mode == true
expect c.created_at matches "^2026-01-01T00:00:0[0-9]Z$"
# clauses come in any order; none is required
let anon = customer create
expect anon.id != c.id
let d = customer create last_name "Hopper" email "grace@example.com"
print d.last_name
# expect: ada@example.com
# expect: Ada Lovelace
# expect: +15555550100
# expect: Hopper
