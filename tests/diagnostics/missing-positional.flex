# which customer?
let c = customer get
