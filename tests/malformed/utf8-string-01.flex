let s = "aþ"
