#!/usr/bin/env -S flex run
# Webhooks: Flex tells your server what happened by POSTing events to the endpoints you register.
# The simulator delivers nothing over the network; it records each delivery, signed with the
# endpoint's secret as Flex would sign it, so a script can check what the server would receive.

# Register an endpoint for the one event a shop needs most: a checkout completed.
let hook = webhook create url "https://shop.example/hooks" events ["checkout.session.completed"]
print "endpoint ${hook.url} listens for ${hook.events}"

# A shopper buys a thermometer with an HSA card.
let thermo = product "Digital thermometer" eligible price $24.99
let s = checkout items [thermo x2]
pay s with card "4242 4242 4242 4242" hsa

# One delivery: the completed checkout, signed (Svix's headers) for this endpoint.
let sent = webhook deliveries webhook hook
let delivery = sent[0]
print "${len(sent)} delivery: ${delivery.event_type} to ${delivery.url}"
expect delivery.headers["svix-signature"] matches "^v1,"
expect delivery.headers["svix-id"] == delivery.event_id

# The same event in Flex's own list, newest first.
let completed = (events type "checkout.session.completed")[0]
print "event ${completed.event_type}, delivered as sent: ${completed.event_id == delivery.event_id}"

# Deleting the endpoint stops the deliveries: the next purchase sends nothing.
let deleted = webhook delete hook
print "deleted: ${deleted.deleted}, endpoints left: ${len(webhooks)}"
pay (checkout items [thermo]) with card "4242 4242 4242 4242" hsa
print "deliveries after deleting: ${len(webhook deliveries)}"
# expect: endpoint https://shop.example/hooks listens for ["checkout.session.completed"]
# expect: 1 delivery: checkout.session.completed to https://shop.example/hooks
# expect: event checkout.session.completed, delivered as sent: true
# expect: deleted: true, endpoints left: 0
# expect: deliveries after deleting: 1
