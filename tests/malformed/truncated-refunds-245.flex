#!/usr/bin/env -S flex run
# Refunds: part of an order, one line item, then the rest. Flex refunds checkout
# sessions, and never more than it received.

let thermo = product "Digital thermometer" eligible price $24.99
let strips = product "Test