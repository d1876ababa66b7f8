print ]
print 2
