let fcus_x = 1
