print 1, "\u{D800}"
