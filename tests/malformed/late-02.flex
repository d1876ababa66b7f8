# comment
# comment
# comment
# comment
# comment
# comment
# comment
# comment
# comment
  let = 3
print 3
