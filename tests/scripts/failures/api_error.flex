# An API error outside `expect error` stops the run with exit 3 at the failing command.
print "before"
let c = customer get fcus_nobody
print "never printed"
# expect: before
# expect error: 3:9: customer_not_found: no such customer: fcus_nobody (HTTP 404)
# expect exit: 3
