# json renders a value as compact JSON text.
print json({a: 1, b: [true, null], c: "x"})
print json([1, "two", 0.5])
print json("quote\"d")
print json($24.99)
print json(fcus_x)
print json({})
expect json({k: "v"}) == "{\"k\":\"v\"}"
# expect: {"a":1,"b":[true,null],"c":"x"}
# expect: [1,"two",0.5]
# expect: "quote\"d"
# expect: 2499
# expect: "fcus_x"
# expect: {}
