# built-in functions keep their names
def len(x) { return 0 }
