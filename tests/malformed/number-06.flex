let x = $1.
