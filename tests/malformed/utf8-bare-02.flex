let x = 1 Ã
