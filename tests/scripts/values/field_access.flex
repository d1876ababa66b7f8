# Field access chains through records and lists.
let order = {
    customer: {name: "Ada", address: {city: "Boston"}},
    lines: [{sku: "A1", qty: 2}, {sku: "B2", qty: 1}],
}
print order.customer.name
print order.customer.address.city
print order.lines[1].sku
print order.lines[0].qty + order.lines[1].qty
print len(order.lines)
# expect: Ada
# expect: Boston
# expect: B2
# expect: 3
# expect: 2
