# Balance transactions follow charges and refunds; money becomes available two days later.
let thermo = product "Thermometer" eligible price $25.00
let s = checkout items [thermo x2]
pay s with card "4242 4242 4242 4242" hsa
refund s amount $10.00
let bts = api GET "/v1/balance_transactions"
for bt in bts { print bt.type, bt.reporting_category, bt.amount, bt.net, bt.status }
print len(api GET "/v1/balance_transactions?type=payment")
clock advance 2d
print (api GET "/v1/balance_transactions")[1].status
expect error invalid_request: api GET "/v1/balance_transactions?type=weird"
# expect: payment_refund refund -1000 -1000 available
# expect: payment charge 5000 5000 pending
# expect: 1
# expect: available
