# let binds from the next statement on
let count = count + 1
