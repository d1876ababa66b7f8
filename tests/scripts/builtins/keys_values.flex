# keys and values of a record, in order.
let r = {email: "a@b.co", count: 2, tags: ["x"]}
print keys(r)
print values(r)
print keys({})
let c = customer create email "keys@example.com"
expect keys(c)[0] == "customer_id"
expect "email" in keys(c)
# expect: ["email", "count", "tags"]
# expect: ["a@b.co", 2, ["x"]]
# expect: []
