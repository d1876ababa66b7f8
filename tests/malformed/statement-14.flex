for x in { }
