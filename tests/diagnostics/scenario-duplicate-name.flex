# scenario names are unique
scenario "checkout" { print 1 }
scenario "checkout" { print 2 }
