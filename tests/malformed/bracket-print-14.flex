print }
print 2
