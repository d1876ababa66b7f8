let x = 1 €
