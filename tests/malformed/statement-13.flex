for x [1] { }
