# Registered endpoints get every matching event "delivered": /_sim/webhooks/deliveries shows the
# body Flex would POST and Svix's headers, signed with the endpoint's secret.
let hook = api POST "/v1/webhooks" {webhook: {url: "https://shop.example/hooks", events: ["checkout.session.completed"]}}
let thermo = product "Thermometer" eligible price $24.99
let s = checkout items [thermo]
pay s with card "4242 4242 4242 4242" hsa
let sent = api GET "/_sim/webhooks/deliveries"
print len(sent), sent[0].event_type, sent[0].webhook == hook.id, sent[0].url
expect sent[0].delivery_id matches "^fwhd_"
expect sent[0].headers["svix-signature"] matches "^v1,[A-Za-z0-9+/]{43}=$"
print sent[0].headers["svix-id"] == sent[0].event_id, sent[0].body matches "^[{]\"event_dt\":"
print len(api GET "/_sim/webhooks/deliveries?webhook=${hook.id}&limit=1")
expect error webhook_not_found: api GET "/_sim/webhooks/deliveries?webhook=fwh_01KDX00000000000000000000A"
# expect: 1 checkout.session.completed true https://shop.example/hooks
# expect: true true
# expect: 1
