print (
print 2
