let a = 1
let b = 2
let c = [
print 3
