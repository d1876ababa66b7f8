print 1, "a${s.id
