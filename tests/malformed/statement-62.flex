scenario "a" { scenario "b" { } }
