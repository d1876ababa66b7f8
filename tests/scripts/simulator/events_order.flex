# A paid session emits its webhooks in Flex's order: customer, payment intent, session.
let thermo = product "Thermometer" eligible price $24.99
let s = checkout items [thermo]
pay s with card "4242 4242 4242 4242" hsa
let types = []
for e in events { types = types + [e.event_type] }
print types
expect (events)[0].event_dt >= 1767225600
# expect: ["customer.created", "payment_intent.created", "payment_intent.succeeded", "checkout.session.completed"]
