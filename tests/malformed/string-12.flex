let s = "${"a"
