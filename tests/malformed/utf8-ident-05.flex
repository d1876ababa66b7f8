let aí € = 1
