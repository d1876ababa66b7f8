let a€ = 1
