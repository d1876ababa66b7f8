# Coupons, promo codes and their effect on a session's totals (exact cents, half-up rounding).
let thermo = product "Thermometer" eligible price $9.99
let pct = api POST "/v1/coupons" {coupon: {name: "Spring", percent_off: 12.5}}
print pct.percent_off, pct.duration, pct.valid
let s = checkout items [thermo] fields {discounts: [{coupon: pct.id}]}
print s.amount_subtotal, s.total_details.amount_discount, s.amount_total
expect error invalid_request: api POST "/v1/coupons" {coupon: {amount_off: 100, percent_off: 10}}
expect it.message contains "not both"
expect error invalid_request: api POST "/v1/coupons" {coupon: {percent_off: 100.5}}
expect error invalid_request: api POST "/v1/coupons" {coupon: {amount_off: 0}}
expect error invalid_request: api POST "/v1/coupons" {coupon: {amount_off: 100, duration: "repeating"}}
expect it.message contains "duration_in_months"
expect error invalid_request: api POST "/v1/coupons" {coupon: {amount_off: 100, duration_in_months: 2}}
let once = api POST "/v1/coupons" {coupon: {amount_off: $2.00, max_redemptions: 1}}
let promo = api POST "/v1/promo_codes" {promo_code: {coupon_id: once.id, code: "WELCOME2"}}
print promo.code, promo.coupon.amount_off
expect error promo_code_already_exists: api POST "/v1/promo_codes" {promo_code: {coupon_id: once.id, code: "welcome2"}}
let used = checkout items [thermo] fields {discounts: [{promo_code: "welcome2"}]}
print used.amount_total
pay used with card "4242 4242 4242 4242" hsa
print (api GET "/v1/coupons/${once.id}").times_redeemed
expect error coupon_max_redemptions: checkout items [thermo] fields {discounts: [{coupon: once.id}]}
expect error promo_code_not_found: checkout items [thermo] fields {discounts: [{promo_code: "NOPE"}]}
# expect: 12.5 once true
# expect: 999 125 874
# expect: WELCOME2 200
# expect: 799
# expect: 1
