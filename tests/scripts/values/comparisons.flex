# Comparisons work on integers, money, strings, booleans, null and durations.
expect 1 < 2 and 2 <= 2 and 3 > 2 and 3 >= 3
expect "abc" == "abc" and "abc" != "abd"
expect "apple" < "banana"
expect null == null
expect true != false
expect $10 > $9.99
expect not (1 > 2)
print 1 < 2, 2 < 1, "a" == "a"
print 1 == 1 and 2 == 3
print 1 == 2 or 3 == 3
print not true
# expect: true false true
# expect: false
# expect: true
# expect: false
