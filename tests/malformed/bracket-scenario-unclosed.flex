scenario "a" {
 print 1
