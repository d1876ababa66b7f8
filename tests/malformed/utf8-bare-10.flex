let x = 1 à€€
