# `let` binds a name; binding the same name again replaces it.
let x = 1
print x
let x = "now a string"
print x
let y = x
let x = 3
print y, x
# expect: 1
# expect: now a string
# expect: now a string 3
