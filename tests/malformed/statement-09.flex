def f(1) { }
