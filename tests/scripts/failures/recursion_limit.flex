# Runaway recursion stops with a runtime error instead of crashing the process.
def forever(n) {
    return forever(n + 1)
}
print "start"
forever(0)
# expect: start
# expect error: 3:12: too many nested calls (more than 200) calling 'forever'
# expect exit: 3
