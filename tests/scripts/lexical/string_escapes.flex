# String escapes: \" \\ \n \t \u{…}
print "say \"hi\""
print "back\\slash"
print "two\nlines"
print "tab\there"
print "smile \u{1F600} and e-acute \u{E9}"
print "unicode as written: café ü"
print len("\u{E9}")
print ["quote\"inside", "new\nline"]
# expect: say "hi"
# expect: back\slash
# expect: two
# expect: lines
# expect: tab	here
# expect: smile 😀 and e-acute é
# expect: unicode as written: café ü
# expect: 1
# expect: ["quote\"inside", "new\nline"]
