print (,)
print 2
