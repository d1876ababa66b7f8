let s = "\u{}"
