let s = "aô€€"
