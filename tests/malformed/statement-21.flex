expect 1 else
