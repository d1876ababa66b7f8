# Lists take limit 1-100; anything else is refused by the API.
repeat 12 { customer create email "page@example.com" }
print len(customers)
print len(customers limit 12)
print len(customers limit 5)
expect error invalid_request: customers limit 0
expect error invalid_request: customers limit 101
expect error invalid_request: api GET "/v1/customers?offset=-1"
# expect: 10
# expect: 12
# expect: 5
