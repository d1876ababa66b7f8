# shared setup
let thermometer = product "Digital thermometer" eligible price $24.99
