# let NAME = EXPR
let total 5
