# Shared catalog for the fixture scenarios (included, never run on its own).
let thermo = product "Digital thermometer" eligible price $24.99
