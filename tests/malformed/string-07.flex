let s = "\q"
