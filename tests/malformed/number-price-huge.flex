let p = product "P" eligible price $99999999999999999999.99
