# `fields { … }` merges a record verbatim into the request body, for fields the phrases lack.
let thermo = product "Thermometer" eligible price $24.99
let s = checkout items [thermo] fields { client_reference_id: "order-42", metadata: {channel: "web"} }
print s.client_reference_id
print s.metadata.channel
let c = customer create email "f@example.com" fields { employer: "Acme" }
print c.employer
# expect: order-42
# expect: web
# expect: Acme
