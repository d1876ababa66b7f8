include "nope-does-not-exist.flex"
