print {a 1}
print 2
