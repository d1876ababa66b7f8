# only \" \\ \n \t \u{…} and \$ are escapes
print "tab\q"
