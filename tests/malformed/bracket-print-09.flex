print [
print 2
