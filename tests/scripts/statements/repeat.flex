# `repeat N` runs its block N times.
let n = 0
repeat 5 {
    n = n + 1
}
print n
repeat 0 {
    print "never"
}
repeat 2 { print "twice" }
repeat 3 {
    customer create email "loop@example.com"
}
print len(customers email "loop@example.com")
# expect: 5
# expect: twice
# expect: twice
# expect: 3
