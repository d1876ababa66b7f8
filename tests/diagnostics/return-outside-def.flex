# return belongs in a def
let x = 1
return x
