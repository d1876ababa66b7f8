# fprice_ starts a price ID
for fprice_a in [1, 2] { print 1 }
