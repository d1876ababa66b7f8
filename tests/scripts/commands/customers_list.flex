# customers lists newest first, filters by e-mail, and pages with limit.
let a = customer create email "a@example.com"
let b = customer create email "b@example.com"
let c = customer create email "a@example.com"
let all = customers
print len(all)
expect all[0].id == c.id and all[2].id == a.id
let just_a = customers email "a@example.com"
print len(just_a)
expect [just_a[0].id, just_a[1].id] == [c.id, a.id]
print len(customers limit 2)
print len(customers email "nobody@example.com")
# expect: 3
# expect: 2
# expect: 2
# expect: 0
