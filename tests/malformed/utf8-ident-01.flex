let aþ = 1
