# Using a name that was never bound is a check error, found before anything runs.
print "never printed"
print totl
# expect error: 3:7: 'totl' is not defined
# expect exit: 2
