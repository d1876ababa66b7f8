# decline next N charges
decline next 2
