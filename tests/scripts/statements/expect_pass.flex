# A passing `expect` prints nothing; `else` only matters when it fails.
expect true
expect 1 + 1 == 2 else "arithmetic is broken"
let c = customer create email "pass@example.com"
expect c.email == "pass@example.com" else "the e-mail should round-trip"
expect c.test_mode
print "all expectations held"
# expect: all expectations held
