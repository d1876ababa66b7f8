# `expect error CODE:` also checks the Flex error code.
expect error customer_not_found: customer get fcus_missing
expect it.status == 404
expect error price_not_found: checkout items [fprice_missing x1]
print it.code, it.status
expect error "checkout_session_not_found": checkout get fcs_missing
print it.code
# expect: price_not_found 404
# expect: checkout_session_not_found
