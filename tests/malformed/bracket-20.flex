let x = {,}
