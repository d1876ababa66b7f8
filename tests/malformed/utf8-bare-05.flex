let x = 1 í €
