let að€€€ = 1
