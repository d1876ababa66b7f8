@print 1
