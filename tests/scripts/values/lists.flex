# Lists hold any values; strings inside a list print quoted, IDs do not.
let l = [1, "a", true, null, fcus_x]
print l
print l[0], l[1], l[4]
print len(l)
print []
print [[1, 2], [3]]
print [1, 2] + [3]
expect [1, 2] == [1, 2]
expect [1, 2] != [2, 1]
# expect: [1, "a", true, null, fcus_x]
# expect: 1 a fcus_x
# expect: 5
# expect: []
# expect: [[1, 2], [3]]
# expect: [1, 2, 3]
