# Decimals are exact and print as written; they never become money by accident.
print 0.5
print 1.25
print [0.5, 2.75]
print {rate: 0.08}
# expect: 0.5
# expect: 1.25
# expect: [0.5, 2.75]
# expect: {rate: 0.08}
