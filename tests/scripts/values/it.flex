# `it` is the value of the last evaluated statement.
1 + 2
print it
"text"
print it
customer create email "it@example.com"
print it.email
expect it.id matches "^fcus_"
let x = 10
x * 2
print it
# expect: 3
# expect: text
# expect: it@example.com
# expect: 20
