# Reading a field that does not exist is a runtime error that names the fields that do.
let c = customer create email "a@b.co"
print c.emial
# expect error: 3:9: no field 'emial' on customer
# expect exit: 3
