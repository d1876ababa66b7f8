# else belongs to an if
let a = 1
else { print a }
