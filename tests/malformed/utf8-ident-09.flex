let a¿ = 1
