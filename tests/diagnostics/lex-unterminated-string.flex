# a string needs its closing quote
let name = "Digital thermometer
print name
