#!/usr/bin/env -S flex run
# Errors: every Flex API error has a code, a message and an HTTP status. `expect error`
# turns an expected failure into a passing check and leaves the error in `it`.

expect error customer_not_found: customer get fcus_01JV8Q9SPDQ6PSRSN85FXY924N
print "${it.code} (${it.status})"

# Bad input is refused before anything is stored.
let thermo = product "Digital thermometer" eligible price $24.99
expect error invalid_request: checkout items [thermo x0]
print "quantity 0: ${it.code}"
expect error price_not_found: checkout items [fprice_01JV8Q9SPDQ6PSRSN85FXY924N]

# The raw escape hatch reaches any path; unknown ones answer 404.
expect error not_found: api GET "/v1/no-such-thing"

# The simulator can make the API itself fail, to test how a script copes. The failure is final
# (it says Flex-Should-Retry: false), so no client retries it away, on any backend.
fail next 1 requests with 503
expect error simulated_failure: customer create email "retry@example.com"
print "injected: ${it.status}"
let c = customer create email "retry@example.com"
expect c.email == "retry@example.com"

# A block can hold several statements; it must fail somewhere inside.
expect error checkout_session_not_complete {
    let s = checkout items [thermo]
    refund s
}
print "done: every error was expected"

# expect: customer_not_found (404)
# expect: quantity 0: invalid_request
# expect: injected: 503
# expect: done: every error was expected
