product "P" eligible not_eligible price $1
