#!/usr/bin/env -S flex run
# A `#!` first line is an ordinary comment, and so is everything after `#` on any line.
print "before"   # a comment after a statement
# print "this line is a comment and never runs"
print "a # inside a string is not a comment"
    # an indented comment
print "after"
# expect: before
# expect: a # inside a string is not a comment
# expect: after
