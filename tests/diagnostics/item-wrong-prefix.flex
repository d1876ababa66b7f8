# items are prices, not products
let s = checkout items [fprod_x x2]
