# `NAME = EXPR` updates an existing binding.
let count = 0
count = count + 1
count = count + 1
print count
let names = []
names = names + ["Ada"]
names = names + ["Grace"]
print names
# expect: 2
# expect: ["Ada", "Grace"]
