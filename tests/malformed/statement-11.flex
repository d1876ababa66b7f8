repeat 3
