# item quantities are xN with a whole number
let p = product "Mug" eligible price $9
let s = checkout items [p xx]
