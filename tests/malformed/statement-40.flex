x.y.
