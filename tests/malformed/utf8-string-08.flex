let s = "a€"
