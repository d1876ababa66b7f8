print 1, "\u{zz}"
