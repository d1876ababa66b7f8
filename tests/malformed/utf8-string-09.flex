let s = "a¿"
