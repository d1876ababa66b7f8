# Functions can wrap commands, so a story reads in the shop's own words.
def new_customer(name) {
    return customer create email "${name}@example.com" first_name name
}
def buy(item, quantity) {
    return checkout items [item x quantity]
}
let ada = new_customer("ada")
print ada.first_name, ada.email
let thermo = product "Thermometer" eligible price $24.99
let s = buy(thermo, 3)
print s.amount_total
# expect: ada ada@example.com
# expect: 7497
