# A chargeback: Stripe's dispute test card pays, then the bank disputes the whole payment. The
# merchant answers with evidence (the test-mode text "winning_evidence" wins at once), and the money
# comes back; the $15 dispute fee does not. A disputed payment cannot be refunded meanwhile.
let thermo = product "Digital thermometer" eligible price $24.99
let s = checkout items [thermo x2]
let paid = pay s with card "4000 0000 0000 0259" hsa
let d = paid.disputes[0]
print paid.status, dollars(paid.amount_disputed), d.reason, d.status
expect error charge_disputed: refund paid
let fee = (api GET "/v1/balance_transactions?checkout_session=${paid.checkout_session_id}&reporting_category=dispute")[0]
print dollars(fee.amount), dollars(fee.dispute_fee_amount)
let won = api POST "/v1/disputes/${d.dispute_id}" {dispute: {evidence: {uncategorized_text: "winning_evidence"}}}
print won.status, (events)[-1].event_type, dollars((api GET "/v1/checkout/sessions/${paid.checkout_session_id}").amount_disputed)
# A dispute opened by hand, and left unanswered: lost at its deadline a week later.
let other = pay (checkout items [thermo]) with card "4242 4242 4242 4242" hsa
let late = api POST "/_sim/checkout/sessions/${other.checkout_session_id}/dispute" {dispute: {reason: "product_not_received"}}
clock advance 7d
print (api GET "/v1/disputes/${late.dispute_id}").status
# expect: complete $49.98 fraudulent needs_response
# expect: -$49.98 $15.00
# expect: won charge.dispute.closed $0.00
# expect: lost
