let s = "að€€€"
