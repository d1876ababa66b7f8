# scenario "name" { … }
scenario { print 1 }
