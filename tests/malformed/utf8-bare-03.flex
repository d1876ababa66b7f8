let x = 1 À¯
