# Including a file that does not exist is a check error.
include "lib/nowhere.flex"
# expect error: 2:9: cannot find included file 'lib/nowhere.flex'
# expect exit: 2
