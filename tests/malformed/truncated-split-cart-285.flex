#!/usr/bin/env -S flex run
# Split carts: an eligible thermometer and an ineligible mug in one order. The HSA card
# pays for the thermometer; a second, ordinary card pays for the mug. The merchant sees
# one order; Flex makes two payment intents.

let thermo = product "Digital thermo