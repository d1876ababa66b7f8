# Record patterns: values, shape markers, regexes, nested records and lists.
let c = customer create email "pat@example.com" first_name "Pat"

scenario "customer shape" {
  expect c matches { customer_id: any id, email: matches "^pat@", first_name: "Pat", test_mode: true }
}

scenario "nested and lists" {
  let r = { a: 1, b: { c: "x", d: [1, 2] }, e: 2.5 }
  expect r matches { a: any number, b: { c: any string, d: [1, any integer] }, e: any number }
  expect not (r matches { a: "1" })
}
