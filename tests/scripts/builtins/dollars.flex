# dollars formats integer cents for people.
print dollars(2499)
print dollars(5)
print dollars(2400)
print dollars(0)
print dollars(123456789)
print dollars($24.99 * 2)
# expect: $24.99
# expect: $0.05
# expect: $24.00
# expect: $0.00
# expect: $1234567.89
# expect: $49.98
