clock advance 5 apples
