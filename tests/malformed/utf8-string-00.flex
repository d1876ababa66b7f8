let s = "aÿ"
