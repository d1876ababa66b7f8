let s = "\u{1F60
