# parameter names must differ
def add(a, a) {
    return a
}
