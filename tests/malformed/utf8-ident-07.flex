let aøˆ€€€ = 1
