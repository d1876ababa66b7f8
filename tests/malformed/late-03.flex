let s = "x"
print "${s
print 3
