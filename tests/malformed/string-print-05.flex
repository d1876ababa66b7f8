print 1, "\u{1F60
