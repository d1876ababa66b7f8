let s = "${x
