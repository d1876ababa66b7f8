let x = 1 â‚
