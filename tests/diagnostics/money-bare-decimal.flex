# money is written $24.99 or in cents
let thermo = product "Digital thermometer" eligible price 24.99
