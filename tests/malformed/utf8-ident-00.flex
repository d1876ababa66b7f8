let aÿ = 1
