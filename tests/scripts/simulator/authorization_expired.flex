# A manual-capture hold lasts 7 days of virtual time; reauth renews it.
let thermo = product "Thermometer" eligible price $24.99
let s = checkout items [thermo] capture manual
pay s with card "4242 4242 4242 4242" hsa
clock advance 6d
reauth s
clock advance 6d
let done = capture s
print done.status, done.amount_received
let late = checkout items [thermo] capture manual
pay late with card "4242 4242 4242 4242" hsa
clock advance 8d
expect error authorization_expired: capture late
# expect: complete 2499
