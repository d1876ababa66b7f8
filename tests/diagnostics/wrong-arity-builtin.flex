# len takes one argument
print len([1], [2])
