# a dollar sign needs an amount
let p = product "Mug" eligible price $
