# A runtime error and an API error (exit 3); the first scenario passes.
scenario "fine" {
  expect 1 + 1 == 2
}

scenario "index out of range" {
  let l = [1, 2]
  print l[5]
}

scenario "api error" {
  customer get fcus_01JV8Q9SPDQ6PSRSN85FXY924N
}
