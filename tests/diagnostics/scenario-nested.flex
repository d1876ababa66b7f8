# scenarios live at the top level
if true {
    scenario "inner" { print 1 }
}
