# sum adds a list of integers (money included).
print sum([1, 2, 3])
print sum([])
print sum([$24.99, $9.00, $0.01])
let s = [{amount: 100}, {amount: 250}]
let amounts = []
for row in s { amounts = amounts + [row.amount] }
print sum(amounts)
# expect: 6
# expect: 0
# expect: 3400
# expect: 350
