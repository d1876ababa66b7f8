# save_card stores the card for off-session use; `charge` then bills it with no shopper.
let thermo = product "Thermometer" eligible price $24.99
let s = checkout items [thermo x2] save_card success "https://shop.example/ok"
let paid = pay s with card "4242 4242 4242 4242" hsa
let methods = payment_methods of paid.customer
print len(methods)
let pm = methods[0]
expect pm.off_session
expect pm.payment_method_id matches "^fpm_"
print pm.card.last4
let c = charge customer paid.customer with pm items [thermo x1]
print c.mode, c.status
print c.amount_total, c.amount_received
expect c.customer == paid.customer
# expect: 1
# expect: 4242
# expect: off_session complete
# expect: 2499 2499
