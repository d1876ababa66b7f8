# A bare decimal is refused wherever money is expected, refund amounts included.
let s = checkout items [fprice_x]
refund s amount 2.5
# expect error: 3:17: expected money, found the decimal 2.5
# expect exit: 2
