# len counts list elements, record entries and string characters.
print len([1, 2, 3])
print len([])
print len({a: 1, b: 2})
print len("hello")
print len("héllo")
print len("")
# expect: 3
# expect: 0
# expect: 2
# expect: 5
# expect: 5
# expect: 0
