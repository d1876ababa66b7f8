let x = 1 øˆ€€€
