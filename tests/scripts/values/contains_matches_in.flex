# `contains`, `matches` (a regular expression) and `in`.
expect "hello world" contains "lo w"
expect not ("hello" contains "xyz")
expect [1, 2, 3] contains 2
expect "fcs_01ABC" matches "^fcs_[0-9A-Z]+$"
expect not ("abc" matches "^b")
expect 2 in [1, 2, 3]
expect not (5 in [1, 2, 3])
expect "email" in keys({email: "x", name: "y"})
print "ab" contains "b", "ab" matches "z", 3 in [3]
# expect: true false true
