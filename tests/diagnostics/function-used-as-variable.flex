# functions are called
def answer() { return 42 }
print answer
