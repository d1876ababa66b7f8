let x = 1 ð€€€
