#!/usr/bin/env -S flex run
# Errors: every Flex API error has a code, a message and an HTTP status. `expect error`
# turns an expected failure into a passing check and leaves the error in `it`.

expect error customer_not_found: customer get fcus_01JV8Q9SPDQ6PSRSN85FXY924N
print "${it.code} (${it.status})"

# Bad input is refused before anything is stored.
let thermo = product "Digital thermometer" eligible price $24.99
expect error invalid_request: checkout items [thermo x0]
print "qua