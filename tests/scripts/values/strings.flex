# Strings join with `+` and compare by content.
let first = "Ada"
let last = "Lovelace"
print first + " " + last
print len(first + last)
expect first + last == "AdaLovelace"
print "" == ""
# expect: Ada Lovelace
# expect: 11
# expect: true
