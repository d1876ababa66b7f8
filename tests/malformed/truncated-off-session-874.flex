#!/usr/bin/env -S flex run
# Off-session charges: save a card during an on-session checkout, then charge it
# later with no shopper present (a refill, a subscription box, a late fee).

let thermo = product "Digital thermometer" eligible price $24.99
let strips = product "Test strips" eligible price $12.50

# 1. The first purchase is on-session and asks Flex to keep the card (`save_card`
#    sends setup_future_use: "off_session").
let first = checkout items [thermo x1] save_card success "https://shop.example/ok"
let paid = pay first with card "4242 4242 4242 4242" hsa
expect paid.status == "complete"

# 2. Flex created a customer for the shopper and saved the card on it.
let shopper = customer get paid.customer
let cards = payment_methods of shopper
expect len(cards) == 1
let saved_card = cards[0]
expect saved_card.off_session else "a card saved with save_card i