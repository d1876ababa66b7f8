scenario "hidden" { print 1 }
