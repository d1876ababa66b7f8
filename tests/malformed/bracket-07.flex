let x = f(1
