# `api METHOD "/path" [RECORD]` sends any request; responses unwrap like every command's.
let c = api POST "/v1/customers" {customer: {email: "raw@example.com"}}
print c.email
let fetched = api GET "/v1/customers/${c.id}"
print fetched.email
let all = api GET "/v1/customers"
print len(all)
expect error not_found: api GET "/v1/nothing-here"
print it.status
let patched = api PATCH "/v1/customers/${c.id}" {customer: {first_name: "Raw"}}
print patched.first_name
# expect: raw@example.com
# expect: raw@example.com
# expect: 1
# expect: 404
# expect: Raw
