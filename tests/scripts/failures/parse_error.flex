# A syntax error stops the run before anything executes: exit 2, nothing on stdout.
print "never printed"
let = 5
# expect error: 3:5: expected a name after 'let', found '='
# expect exit: 2
