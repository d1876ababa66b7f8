let s = "a${s.id
