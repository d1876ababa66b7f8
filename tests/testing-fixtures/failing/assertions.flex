# One passing scenario and two failing expectations (exit 4).
let c = customer create email "a@b.co"

scenario "passes" {
  expect c.email == "a@b.co"
}

scenario "wrong email" {
  expect c.email == "b@b.co"
}

scenario "pattern reports every field" {
  expect c matches { email: "x@y.z", customer_id: any number, test_mode: false }
}
