print {
print 2
