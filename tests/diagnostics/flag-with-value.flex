# save_card is a flag: it takes no value
let s = checkout items [fprice_x] save_card true
