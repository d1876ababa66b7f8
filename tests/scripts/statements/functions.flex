# `def` defines a function; `return` gives its value; functions may call themselves.
def add(a, b) {
    return a + b
}
def factorial(n) {
    if n <= 1 { return 1 }
    return n * factorial(n - 1)
}
def fib(n) {
    if n < 2 { return n }
    return fib(n - 1) + fib(n - 2)
}
def greet(name) {
    print "hi ${name}"
    return len(name)
}
print add(2, 3)
print factorial(10)
print fib(15)
print greet("Ada")
print add(add(1, 2), add(3, 4))
# expect: 5
# expect: 3628800
# expect: 610
# expect: hi Ada
# expect: 3
# expect: 10
