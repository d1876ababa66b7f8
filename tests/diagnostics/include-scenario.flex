# an included file holds setup, not scenarios
include "includes/with-scenario.flex"
