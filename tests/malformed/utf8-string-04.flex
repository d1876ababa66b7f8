let s = "aâ‚"
