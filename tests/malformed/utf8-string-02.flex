let s = "aÃ"
