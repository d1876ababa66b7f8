# Files that include each other are a check error, not an endless loop.
include "lib/cycle_a.flex"
print "never printed"
# expect exit: 2
