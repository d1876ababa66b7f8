print 1, "\u{
