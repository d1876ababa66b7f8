# a checkout needs a cart
let s = checkout success "https://shop.example/ok"
