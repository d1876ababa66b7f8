product "P" price
