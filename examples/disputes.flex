#!/usr/bin/env -S flex run
# Disputes: a shopper's bank can take a payment back (a chargeback). Flex opens a dispute, holds
# the disputed money and a $15 fee, and waits for your evidence; the bank then decides. On the
# simulator, test card 4000 0000 0000 0259 is disputed as soon as it pays, and `dispute open`
# disputes any paid session.

let thermo = product "Digital thermometer" eligible price $24.99

# The dispute test card: paid, then disputed in full as fraudulent.
let paid = pay (checkout items [thermo x2]) with card "4000 0000 0000 0259" hsa
let d = paid.disputes[0]
print "disputed ${dollars(paid.amount_disputed)} (${d.reason}): ${d.status}"

# A disputed payment cannot be refunded while the bank decides.
expect error charge_disputed: refund paid

# The merchant answers with evidence; in test mode the text "winning_evidence" wins at once.
let answered = dispute evidence d text "winning_evidence"
print "after the evidence: ${answered.status}"

# Another payment, disputed by hand: the evidence is sent, but the bank sides with the shopper.
let other = pay (checkout items [thermo]) with card "4242 4242 4242 4242" hsa
let late = dispute open other reason product_not_received
dispute evidence late text "tracking number 1Z999"
let lost = dispute resolve late lost
print "second dispute: ${lost.status}"
print "disputes lost: ${len(disputes status lost)}, won: ${len(disputes status won)}"

# The balance shows what moved, oldest last: each dispute took its money back and charged the
# fee; the won dispute gave the money back, but not the fee.
for bt in balance_transactions reporting_category dispute {
    print "${dollars(bt.amount)}, fee ${dollars(bt.fee)}, net ${dollars(bt.net)}"
}
let first = balance_transaction get (balance_transactions reporting_category dispute)[-1]
print "the oldest is the first dispute: ${first.source_id == d.dispute_id}"
# expect: disputed $49.98 (fraudulent): needs_response
# expect: after the evidence: won
# expect: second dispute: lost
# expect: disputes lost: 1, won: 1
# expect: -$24.99, fee $15.00, net -$39.99
# expect: $49.98, fee $0.00, net $49.98
# expect: -$49.98, fee $15.00, net -$64.98
# expect: the oldest is the first dispute: true
