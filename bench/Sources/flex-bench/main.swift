// Placeholder; replaced by the benchmark program.
print("bench")
