let x = 1_000
