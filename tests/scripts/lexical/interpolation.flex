# `${…}` inside a string evaluates any expression and prints it the way `print` does.
let n = 3
let r = {name: "Ada", tags: ["a", "b"]}
print "n is ${n}, twice is ${n * 2}"
print "hello ${r.name}!"
print "tags: ${r.tags}"
print "money: ${dollars($24.99)} or ${$24.99} cents"
print "nested: ${"inner ${n}"}"
print "${n}${n}"
print "no interpolation: $5 and $ alone"
# expect: n is 3, twice is 6
# expect: hello Ada!
# expect: tags: ["a", "b"]
# expect: money: $24.99 or 2499 cents
# expect: nested: inner 3
# expect: 33
# expect: no interpolation: $5 and $ alone
