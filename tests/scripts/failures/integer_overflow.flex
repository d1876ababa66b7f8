# Integer overflow is a runtime error, never a crash or a wrapped-around value.
let big = 9223372036854775807
print big
print big + 1
# expect: 9223372036854775807
# expect error: 4:7: integer overflow
# expect exit: 3
