#!/usr/bin/env -S flex run
# Coupons and promotion codes: a coupon is the discount (a percentage or an amount off), a
# promotion code is the word a shopper types to redeem it. Flex spreads the discount over the
# cart's lines in exact cents and shows it in the session's total_details.

let thermo = product "Digital thermometer" eligible price $24.99
let spray = product "Saline spray" eligible price $8.50

# A coupon the shop applies itself: 20% off the whole cart.
let spring = coupon create percent_off 20 name "Spring sale"
let s = checkout items [thermo, spray x2] discounts [{coupon: spring.id}]
print "subtotal ${dollars(s.amount_subtotal)}, discount ${dollars(s.total_details.amount_discount)}, total ${dollars(s.amount_total)}"

# A coupon worth $5, redeemed by a code a shopper types, at most once.
let fiver = coupon create amount_off $5.00 name "Welcome" max_redemptions 1
let promo = promo_code create coupon fiver code "WELCOME5"
print "code ${promo.code} takes ${dollars(promo.coupon.amount_off)} off"

# This session lets the shopper enter a code on the hosted page; they type it in lower case.
let open = checkout items [thermo] allow_promotion_codes true
let paid = pay open with card "4242 4242 4242 4242" hsa fields {promo_code: "welcome5"}
print "paid ${dollars(paid.amount_total)} instead of ${dollars(paid.amount_subtotal)}"
print "the coupon was redeemed ${(coupon get fiver).times_redeemed} time"

# Its one redemption is used up: the next session cannot apply it.
expect error coupon_max_redemptions: checkout items [thermo] discounts [{coupon: fiver.id}]
print "coupons: ${len(coupons)}, codes: ${len(promo_codes)}"
# expect: subtotal $41.99, discount $8.40, total $33.59
# expect: code WELCOME5 takes $5.00 off
# expect: paid $19.99 instead of $24.99
# expect: the coupon was redeemed 1 time
# expect: coupons: 2, codes: 1
