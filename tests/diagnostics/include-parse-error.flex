# errors in an included file point into that file
include "includes/broken.flex"
