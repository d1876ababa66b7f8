# Each state-changing request moves the virtual clock by one second; reads do not.
let t0 = (clock).now
customer create email "tick@example.com"
let t1 = (clock).now
customers
let t2 = (clock).now
print t1 - t0, t2 - t1
# expect: 1 0
