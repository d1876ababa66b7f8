# The other half of the include cycle used by ../include_cycle.flex.
include "cycle_a.flex"
