let x = (1]
