checkout items [fprice_x x0 x1]
