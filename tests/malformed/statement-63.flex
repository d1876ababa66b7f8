scenario "a" { }
scenario "a" { }
