# Identifiers are letters, digits and underscores; command words are only special at the start of a command.
let _private = 1
let snake_case_name2 = 2
let CamelCase = 3
print _private + snake_case_name2 + CamelCase
let price = 2499
let email = "ada@example.com"
let items = [1, 2]
print price, email, items
let customer_count = len(customers)
print customer_count
# expect: 6
# expect: 2499 ada@example.com [1, 2]
# expect: 0
