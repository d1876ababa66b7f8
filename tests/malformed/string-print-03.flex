print 1, "${
