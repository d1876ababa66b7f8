let x = 1 ô€€
