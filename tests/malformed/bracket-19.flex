let x = (,)
