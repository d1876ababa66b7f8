# Integers and arithmetic with the usual precedence.
print 42
print 2 + 3 * 4
print (2 + 3) * 4
print 10 - 4 - 3
print 8 / 2
print -5 + 2
print 0
print 9007199254740993
# expect: 42
# expect: 14
# expect: 20
# expect: 3
# expect: 4
# expect: -3
# expect: 0
# expect: 9007199254740993
