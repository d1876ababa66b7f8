print f(1
print 2
