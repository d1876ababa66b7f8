# Letting the clock pass expires_at expires an open session.
let thermo = product "Thermometer" eligible price $24.99
let s = checkout items [thermo]
expect s.status == "open"
clock advance 30d
expect (clock).now > s.expires_at
print (checkout get s).status
expect error checkout_session_expired: pay s with card "4242 4242 4242 4242" hsa
# expect: expired
