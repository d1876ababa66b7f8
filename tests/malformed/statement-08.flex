def f(x, x) { }
