# `;` ends a statement just like a newline does.
print 1; print 2
let a = 3; let b = 4; print a + b
print "x";
print "done"
# expect: 1
# expect: 2
# expect: 7
# expect: x
# expect: done
