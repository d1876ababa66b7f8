print 1, "\q"
