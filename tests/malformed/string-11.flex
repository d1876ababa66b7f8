let s = "\u{zz}"
