# customer get fetches by ID (or by object); customer update changes only what it names.
let c = customer create email "old@example.com" first_name "Ada"
let fetched = customer get c.id
expect fetched == c
let updated = customer update c email "new@example.com"
print updated.email, updated.first_name
expect updated.id == c.id
print (customer get c).email
# expect: new@example.com Ada
# expect: new@example.com
