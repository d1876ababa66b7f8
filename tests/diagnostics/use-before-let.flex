# a name is bound by its let, not before
print total
let total = 3
