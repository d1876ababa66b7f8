# Money is never a bare decimal: write $24.99 or 2499.
let p = product "Thermometer" eligible price 24.99
# expect error: 2:46: expected money, found the decimal 24.99
# expect exit: 2
