# if / else if / else picks the first true branch.
def size(n) {
    if n < 10 {
        return "small"
    } else if n < 100 {
        return "medium"
    } else {
        return "large"
    }
}
print size(5), size(50), size(500)
if true { print "then" }
if false { print "never" } else { print "else" }
let status = "open"
if status == "complete" {
    print "done"
} else if status == "open" {
    print "waiting for the shopper"
}
# expect: small medium large
# expect: then
# expect: else
# expect: waiting for the shopper
