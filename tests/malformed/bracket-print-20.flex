print {,}
print 2
