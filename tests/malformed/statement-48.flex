or b
