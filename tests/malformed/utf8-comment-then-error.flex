# caf√
 let = 2
