print {a: {b: {c: 1}}
print 2
