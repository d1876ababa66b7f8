# `else "message"` replaces the headline of a failed expect.
let n = 3
expect n == 4 else "n should be four"
# expect error: 3:8: n should be four
# expect exit: 4
