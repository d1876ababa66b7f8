# customer get wants a customer ID
let c = customer get fprice_01JV8Q9SPDQ6PSRSN85FXY924N
