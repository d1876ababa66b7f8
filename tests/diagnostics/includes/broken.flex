# a broken helper
let price = (1 + 2
