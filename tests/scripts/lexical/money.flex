# Money literals are integer cents: $24.99 is 2499, $24 is 2400.
print $24.99
print $24
print $0.05
print $24.99 * 2
print $24.99 + $0.01
expect $24.99 == 2499
expect $1 == 100
print dollars($24.99 * 3)
# expect: 2499
# expect: 2400
# expect: 5
# expect: 4998
# expect: 2500
# expect: $74.97
