# a.flex includes b.flex which includes a.flex
include "includes/cycle-a.flex"
