# The block form: the block must fail with that code; statements before the failure run.
let p = product "Gauze" eligible price $4.00
expect error checkout_session_not_complete {
    let s = checkout items [p x1]
    print "checkout created"
    refund s
    print "never printed"
}
print it.code
expect error {
    customer get fcus_nobody
}
print it.status
# expect: checkout created
# expect: checkout_session_not_complete
# expect: 404
