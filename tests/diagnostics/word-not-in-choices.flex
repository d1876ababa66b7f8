# mode is one of a fixed set
let p = product "Mug" eligible price $9
let s = checkout items [p] mode of_session
