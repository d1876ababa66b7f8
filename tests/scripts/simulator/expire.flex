# expire ends an open session; an expired session cannot be paid or expired again.
let thermo = product "Thermometer" eligible price $24.99
let s = checkout items [thermo]
let gone = expire s
print gone.status
expect error checkout_session_expired: pay s with card "4242 4242 4242 4242" hsa
expect error checkout_session_expired: expire s
let done = pay (checkout items [thermo]) with card "4242 4242 4242 4242" hsa
expect error checkout_session_already_processed: expire done
# expect: expired
