let a¿Ø = 1
