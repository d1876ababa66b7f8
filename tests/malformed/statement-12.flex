for in [1] { }
