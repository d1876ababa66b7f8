# every ( needs a )
let n = len([1, 2]
print n
