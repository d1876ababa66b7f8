let aâ‚ = 1
