def let() { }
