# No scenarios: the whole file is one test case.
let c = customer create email "a@b.co"
expect c.email == "a@b.co"
print "created", c.email
