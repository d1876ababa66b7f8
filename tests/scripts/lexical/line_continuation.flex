# A trailing backslash joins the next line, so long commands can wrap.
let total = 1 + \
    2 + \
    3
print total
let c = customer create \
    email "wrapped@example.com" \
    first_name "Wren"
print c.email, c.first_name
# expect: 6
# expect: wrapped@example.com Wren
