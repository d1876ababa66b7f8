# money is not a string
let price = price create product fprod_x amount "24.99"
