# A subscription checkout: the subscription starts incomplete, the first payment makes it active,
# each month the saved card is charged on the virtual clock, and DELETE cancels at period end.
let gym = product create name "Gym membership" lmn
let monthly = price create product gym amount $49.00 recurring monthly
let s = checkout items [monthly] mode subscription
let sub = s.subscription
expect sub matches "^fsub_"
print (api GET "/v1/subscriptions/${sub}").status
let paid = pay s with card "4242 4242 4242 4242" hsa lmn approved
print paid.status, dollars(paid.amount_received)
let active = (api GET "/v1/subscriptions/${sub}")
print active.status, active.current_period_end
clock set "2026-02-15T00:00:00Z"
let renewed = (api GET "/v1/subscriptions/${sub}")
print renewed.current_period_start, renewed.current_period_end
let periods = (api GET "/v1/checkout/sessions?subscription=${sub}")
print len(periods), periods[0].status, dollars(periods[0].amount_received)
# Cancel at the end of the period: no further charges.
let canceling = (api DELETE "/v1/subscriptions/${sub}")
print canceling.status, canceling.cancel_at_period_end
clock advance 30d
print (api GET "/v1/subscriptions/${sub}").status, (events)[-1].event_type
expect error subscription_canceled: api DELETE "/v1/subscriptions/${sub}"
# expect: incomplete
# expect: complete $49.00
# expect: active 2026-02-01T00:00:04Z
# expect: 2026-02-01T00:00:04Z 2026-03-01T00:00:04Z
# expect: 2 complete $49.00
# expect: active true
# expect: canceled customer.subscription.deleted
