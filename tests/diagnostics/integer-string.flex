# limit takes a number
let recent = customers limit "10"
