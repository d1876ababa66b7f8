let aô€€ = 1
