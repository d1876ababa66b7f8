sim frobnicate
