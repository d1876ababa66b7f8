# sim reset forgets everything; sim seed N starts again with other IDs.
let first = customer create email "a@example.com"
sim reset
print len(customers)
let again = customer create email "a@example.com"
expect again.id == first.id
sim seed 7
let seven = customer create email "a@example.com"
expect seven.id != first.id
sim seed 42
expect (customer create email "a@example.com").id == first.id
# expect: 0
