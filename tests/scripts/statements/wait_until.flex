# `wait until COND` re-evaluates COND (commands in parentheses too) until it holds.
let p = product "Gauze" eligible price $4.00
let s = checkout items [p x1]
pay s with card "4242 4242 4242 4242" hsa
wait until (checkout get s).status == "complete" every 1s timeout 10s
print "complete"
# expect: complete
