scenario { }
