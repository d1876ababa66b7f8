# a quoted word must still be one of the choices
let s = checkout items [fprice_x] capture "later"
