def f() { include "x.flex" }
