# fail next N requests: the next N /v1/ requests fail and change nothing.
fail next 2 requests with 503
expect error simulated_failure: customer create email "a@example.com"
print it.status
expect error: customers
customer create email "b@example.com"
print len(customers)
fail next with 429 code "rate_limited"
expect error rate_limited: customers
print it.status
# expect: 503
# expect: 1
# expect: 429
