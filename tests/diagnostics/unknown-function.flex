# a typo in a function name
print lenn([1, 2])
