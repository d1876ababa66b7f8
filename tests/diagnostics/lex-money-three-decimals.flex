# money has at most two decimals
let p = product "Mug" eligible price $24.999
