let x = 1 ÿ
