# Helpers included by ../include.flex (not a test on its own: the runner skips lib/ folders).
print "shop helpers loaded"
let shop_name = "Example Pharmacy"
def eligible_price(name, amount) {
    return product name eligible price amount
}
def with_tax(cents) {
    return cents + cents * 8 / 100
}
