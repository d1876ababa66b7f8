# every { needs a }
if true {
    print "open"
