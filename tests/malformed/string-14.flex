let s = "${1 +}"
