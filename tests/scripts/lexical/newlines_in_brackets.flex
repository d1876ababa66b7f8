# A newline inside ( ) or [ ] does not end the statement.
let numbers = [
    1,
    2,
    3,
]
print numbers
let total = (1 +
    2 +
    3)
print total
print len(
    numbers
)
let nested = [[1, 2],
              [3, 4]]
print nested[1][0]
# expect: [1, 2, 3]
# expect: 6
# expect: 3
# expect: 3
