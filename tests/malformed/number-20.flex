let x = 3 4
