print [[[[
print 2
