# The checker reports every problem in the file, not just the first.
customer create emial "a@b.co"
print undefined_name
customer create phone "+1" phone "+2"
# expect error: 2:17: unknown clause 'emial' for 'customer create'
# expect error: 3:7: 'undefined_name' is not defined
# expect error: 4:28: duplicate clause 'phone'
# expect exit: 2
