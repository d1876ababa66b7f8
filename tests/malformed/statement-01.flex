let 5 = 5
