def (x) { return x }
