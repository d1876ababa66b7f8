let s = "a¿Ø"
