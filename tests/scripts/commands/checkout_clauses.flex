# Every checkout clause lands in the request: success/cancel URLs, reference, capture, save_card, customer.
let thermo = product "Thermometer" eligible price $24.99
let c = customer create email "clauses@example.com"
let s = checkout items [thermo] customer c \
    success "https://shop.example/ok" cancel "https://shop.example/cancel" \
    reference "order-7" capture manual save_card
print s.success_url
print s.cancel_url
print s.client_reference_id
print s.capture_method
print s.setup_future_use
expect s.customer == c.id
# expect: https://shop.example/ok
# expect: https://shop.example/cancel
# expect: order-7
# expect: manual
# expect: off_session
