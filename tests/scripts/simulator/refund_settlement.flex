# Refunds start pending and settle an hour of virtual time later: succeeded, or failed for the
# refund-failure test card (the money is then refundable again). /_sim/refunds/{id}/settle settles now.
let thermo = product "Thermometer" eligible price $24.99
let s = checkout items [thermo x2]
pay s with card "4242 4242 4242 4242" hsa
let r = refund s amount $10.00
print r.refunds[0].status, r.refunds[0].reference_status, r.amount_refunded
clock advance 59m
expect (checkout get s).refunds[0].status == "pending"
clock advance 1m
let settled = (checkout get s).refunds[0]
print settled.status, settled.reference_status
expect settled.reference_id matches "^[0-9]{23}$"
let updates = events type "refund.updated"
print len(updates), (events)[-1].event_type

# 4000 0000 0000 5126 pays, but its refunds fail at settlement.
let f = checkout items [thermo]
pay f with card "4000 0000 0000 5126" hsa
let doomed = refund f
print doomed.amount_refunded
clock advance 1h
let failed = checkout get f
print failed.refunds[0].status, failed.refunds[0].failure_reason, failed.refunds[0].reference_status, failed.amount_refunded
let again = refund f
print again.amount_refunded

# Settle one now, as failed, without waiting for the clock.
let now_r = refund s amount $1.00
let id = now_r.refunds[-1].refund_id
let forced = api POST "/_sim/refunds/${id}/settle" {refund: {status: "failed"}}
print forced.status, forced.failure_reason
expect error refund_not_pending: api POST "/_sim/refunds/${id}/settle"
expect (checkout get s).amount_refunded == $10.00
# expect: pending pending 1000
# expect: succeeded available
# expect: 1 charge.refund.updated
# expect: 2499
# expect: failed expired_or_canceled_card unavailable 0
# expect: 2499
# expect: failed unknown
