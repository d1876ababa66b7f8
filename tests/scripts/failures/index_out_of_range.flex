# An index past the end is a runtime error.
let l = [1, 2, 3]
print l[3]
# expect error: 3:9: index 3 is out of range for a list of 3 elements
# expect exit: 3
