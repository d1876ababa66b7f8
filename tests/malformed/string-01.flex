let s = "a\
