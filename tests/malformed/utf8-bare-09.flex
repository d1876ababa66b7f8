let x = 1 ¿
