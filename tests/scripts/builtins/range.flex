# range(n) is [0, …, n-1]; range(a, b) is [a, …, b-1].
print range(3)
print range(0)
print range(2, 5)
print range(5, 5)
let total = 0
for i in range(1, 11) { total = total + i }
print total
# expect: [0, 1, 2]
# expect: []
# expect: [2, 3, 4]
# expect: []
# expect: 55
