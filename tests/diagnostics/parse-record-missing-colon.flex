# record entries are key: value
let r = { name "Mug" }
