let x = 1e10
