# the path is relative to this file
include "includes/nope.flex"
