include "cycle-b.flex"
