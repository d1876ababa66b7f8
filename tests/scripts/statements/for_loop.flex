# `for x in LIST` runs its block once per element, in order.
let total = 0
for n in [1, 2, 3, 4] {
    total = total + n
}
print total
for name in ["Ada", "Grace"] {
    print "hello ${name}"
}
for row in [[1, 2], [3, 4]] {
    for cell in row {
        print cell
    }
}
for nothing in [] {
    print "never"
}
# expect: 10
# expect: hello Ada
# expect: hello Grace
# expect: 1
# expect: 2
# expect: 3
# expect: 4
