print 1, "${}"
