# products and prices list newest first; prices can be filtered by product.
let a = product "A" eligible price $1
let b = product "B" eligible price $2
let b2 = price create product b.product amount $3
print len(products)
expect (products)[0].name == "B"
print len(prices)
let of_b = prices product b.product
print len(of_b)
expect of_b[0].id == b2.id
print len(prices limit 1)
# expect: 2
# expect: 3
# expect: 2
# expect: 1
