let s = "aà€€"
