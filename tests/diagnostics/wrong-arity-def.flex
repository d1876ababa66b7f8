# calls must match the definition
def total(a, b) {
    return a + b
}
print total(1)
