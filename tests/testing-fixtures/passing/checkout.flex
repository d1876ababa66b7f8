# Three independent scenarios on the same shared setup.
include "lib/catalog.flex"
let s = checkout items [thermo x2]

scenario "session starts open" {
  expect s.status == "open"
  expect s.amount_total == $49.98
}

scenario "paying completes it" {
  let paid = pay s with card "4242 4242 4242 4242" hsa
  expect paid.status == "complete"
}

scenario "expiring closes it" {
  let gone = expire s
  expect gone.status == "expired"
}
