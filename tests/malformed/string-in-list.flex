let l = ["a", "b]
