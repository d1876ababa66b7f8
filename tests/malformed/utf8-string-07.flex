let s = "aøˆ€€€"
