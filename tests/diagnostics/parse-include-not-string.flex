# include takes a string path
include setup
