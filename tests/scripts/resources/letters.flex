# Consumer letters: each approved consultation issues a letter per LMN product; an order is the
# checkout session whose consultation issued them.
let cpap = product "CPAP machine" lmn price $600.00
let s = checkout items [cpap]
let paid = pay s with card "4242 4242 4242 4242" hsa lmn approved
let found = api GET "/v1/consumer/orders/${s.id}/letters"
print len(found)
let letter = found[0]
expect letter.letter_id matches "^flmn_"
print letter.status.status, letter.customer == paid.customer, letter.checkout_session == s.id
let single = api GET "/v1/consumer/letters/${letter.letter_id}"
print single.url == "https://checkout.withflex.com/letters/${letter.letter_id}.pdf", single.product == letter.product
let thermo = product "Thermometer" eligible price $24.99
let plain = checkout items [thermo]
pay plain with card "4242 4242 4242 4242"
print len(api GET "/v1/consumer/orders/${plain.id}/letters")
expect error letter_not_found: api GET "/v1/consumer/letters/flmn_01KDX00000000000000000000A"
expect error order_not_found: api GET "/v1/consumer/orders/fcs_01KDX00000000000000000000A/letters"
# expect: 1
# expect: approved true true
# expect: true true
# expect: 0
