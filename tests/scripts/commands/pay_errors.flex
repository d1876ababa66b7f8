# Paying a session that cannot be paid fails with Flex's codes.
let thermo = product "Thermometer" eligible price $24.99
let s = checkout items [thermo]
expect error invalid_card_number: pay s with card "1234" hsa
expect error invalid_card_number: pay s with card "4242 4242 4242 4241" hsa
pay s with card "4242424242424242" hsa
expect error checkout_session_already_processed: pay s with card "4242 4242 4242 4242" hsa
print it.status
expect error checkout_session_not_found: pay fcs_nothere with card "4242 4242 4242 4242" hsa
# expect: 400
