# Dividing by zero is a runtime error.
let zero = 0
print 10 / zero
# expect error: 3:7: division by zero
# expect exit: 3
