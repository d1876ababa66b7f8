let s = "${}"
