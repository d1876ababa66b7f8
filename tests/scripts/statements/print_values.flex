# `print` writes its values on one line, separated by one space.
print "a", 1, true, null
print 1, [2, 3], {four: 4}
print fcus_x, "fcus_x", 7d, $1.50
print ""
print "end"
# expect: a 1 true null
# expect: 1 [2, 3] {four: 4}
# expect: fcus_x fcus_x 7d 150
# expect:
# expect: end
