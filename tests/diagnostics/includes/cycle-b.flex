include "cycle-a.flex"
