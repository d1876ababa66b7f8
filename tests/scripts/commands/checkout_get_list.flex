# checkout get, checkouts (with filters) and line_items of.
let thermo = product "Thermometer" eligible price $24.99
let c = customer create email "list@example.com"
let s1 = checkout items [thermo x1]
let s2 = checkout items [thermo x2] customer c
pay s1 with card "4242 4242 4242 4242" hsa
expect (checkout get s2).amount_total == $49.98
print len(checkouts)
print len(checkouts status "open")
expect (checkouts status "complete")[0].id == s1.id
expect (checkouts customer c)[0].id == s2.id
print len(checkouts limit 1)
let items = line_items of s2
print items[0].quantity, items[0].amount_total
# expect: 2
# expect: 1
# expect: 1
# expect: 2 4998
