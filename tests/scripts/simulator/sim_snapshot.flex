# sim snapshot remembers the whole state; sim restore goes back to it.
customer create email "kept@example.com"
sim snapshot before
customer create email "dropped@example.com"
print len(customers)
sim restore before
print len(customers)
print (customers)[0].email
expect error snapshot_not_found: sim restore nosuch
# expect: 2
# expect: 1
# expect: kept@example.com
