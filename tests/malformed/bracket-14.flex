let x = }
