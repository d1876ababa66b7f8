# A variable may not be named like a Flex ID.
let fcus_home = 1
# expect error: 2:5: 'fcus_home' looks like a customer ID, so it cannot name a variable
# expect exit: 2
