# Webhook endpoints are registered (not delivered to); payment links make a session per visit.
let hook = api POST "/v1/webhooks" {webhook: {url: "https://shop.example/hooks", events: ["checkout.session.completed"]}}
print hook.url, hook.events, hook.active
expect hook.secret matches "^fwhsec_"
expect error invalid_request: api POST "/v1/webhooks" {webhook: {url: "http://shop.example/hooks", events: ["checkout.session.completed"]}}
expect error invalid_request: api POST "/v1/webhooks" {webhook: {url: "https://shop.example/hooks", events: ["order.shipped"]}}
let thermo = product "Thermometer" eligible price $24.99
let link = api POST "/v1/payment_links" {payment_link: {label: "Thermo", line_items: [{price: thermo.id, quantity: 1}]}}
expect link.url == "https://checkout.withflex.com/pay/l/${link.id}"
let visit = api POST "/_sim/payment_links/${link.id}/visit" {visit: {email: "shopper@example.com", client_reference_id: "order-77"}}
print visit.status, visit.amount_total, visit.client_reference_id, visit.defaults.email
let paid = pay visit with card "4242 4242 4242 4242" hsa
print paid.status
api PATCH "/v1/payment_links/${link.id}" {payment_link: {active: false}}
expect error payment_link_inactive: api POST "/_sim/payment_links/${link.id}/visit"
# expect: https://shop.example/hooks ["checkout.session.completed"] true
# expect: open 2499 order-77 shopper@example.com
# expect: complete
