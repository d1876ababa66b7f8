let x = $1.999
