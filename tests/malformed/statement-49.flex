1 contains
