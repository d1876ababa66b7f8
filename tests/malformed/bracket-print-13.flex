print )
print 2
