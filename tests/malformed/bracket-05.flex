let x = [1)
