let s = "${
