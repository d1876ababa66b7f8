# an operator needs a right-hand side
let total = 2 +
