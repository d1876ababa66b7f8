let x = {
