# Assignment needs an existing binding; `let` creates one.
count = 1
# expect error: 2:1: 'count' is not defined; use 'let count = …' to create it
# expect exit: 2
