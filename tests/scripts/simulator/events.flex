# events lists the webhook events the simulator emitted, oldest first.
let thermo = product "Thermometer" eligible price $24.99
let s = checkout items [thermo]
pay s with card "4242 4242 4242 4242" hsa
let mine = events for s
expect len(mine) >= 1
expect mine[-1].event_type == "checkout.session.completed"
let succeeded = events type "payment_intent.succeeded"
print len(succeeded)
expect succeeded[0].event_id matches "^fevt_"
expect succeeded[0].object.status == "succeeded"
let all = events
let types = []
for e in all { types = types + [e.event_type] }
expect types contains "customer.created"
expect types contains "payment_intent.created"
print types[-1]
# expect: 1
# expect: checkout.session.completed
