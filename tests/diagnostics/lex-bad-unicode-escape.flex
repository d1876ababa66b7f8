# \u{…} needs a valid Unicode scalar
print "\u{110000}"
