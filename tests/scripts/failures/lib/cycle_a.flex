# Half of an include cycle used by ../include_cycle.flex.
include "cycle_b.flex"
