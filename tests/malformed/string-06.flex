let s = "\u{
