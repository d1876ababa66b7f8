# string renders a value as text, the way print writes it.
print string(42) + "!"
print string([1, "a"])
print string({a: "b"})
print string(null), string(true)
print string(fcus_x) == "fcus_x"
print len(string(12345))
print string(90m)
# expect: 42!
# expect: [1, "a"]
# expect: {a: "b"}
# expect: null true
# expect: true
# expect: 5
# expect: 90m
