# A failing scenario makes the run fail even when other scenarios pass.
scenario "passes" {
    expect 1 == 1
    print "first ok"
}
scenario "fails" {
    expect 1 == 2
}
# expect: first ok
# expect error: 7:12: expectation failed: 1 == 2
# expect exit: 4
