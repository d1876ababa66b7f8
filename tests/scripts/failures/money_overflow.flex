# Multiplying money past the integer range is caught too.
let p = $92233720368547758.07
print p * 2
# expect error: 3:7: integer overflow
# expect exit: 3
