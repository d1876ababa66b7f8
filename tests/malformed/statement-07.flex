def f x { }
