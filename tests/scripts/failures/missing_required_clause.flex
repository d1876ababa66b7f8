# checkout needs items.
let s = checkout success "https://shop.example/ok"
# expect error: 2:9: 'checkout' needs an 'items' clause
# expect exit: 2
