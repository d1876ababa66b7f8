repeat { print 1 }
