# expect error CODE fails (exit 4) when the statement fails with another code.
expect error price_not_found: customer get fcus_nobody
# expect error: 2:31: expected error 'price_not_found', got 'customer_not_found'
# expect exit: 4
