# a typo in a variable name
let thermo = product "Digital thermometer" eligible price $24.99
let s = checkout items [thremo x2]
