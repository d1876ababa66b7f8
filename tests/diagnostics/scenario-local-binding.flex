# each scenario has its own scope
scenario "one" { let s = 1 }
scenario "two" { print s }
