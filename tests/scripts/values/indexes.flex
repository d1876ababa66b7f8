# Indexes count from 0; negative indexes count from the end.
let l = ["a", "b", "c", "d"]
print l[0]
print l[3]
print l[-1]
print l[-4]
let i = 2
print l[i - 1]
print [10, 20, 30][-2]
# expect: a
# expect: d
# expect: d
# expect: a
# expect: b
# expect: 20
