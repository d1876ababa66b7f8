let aÃ = 1
