let aà€€ = 1
