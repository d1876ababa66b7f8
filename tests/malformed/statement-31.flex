scenario "a"
