print 1
print â‚