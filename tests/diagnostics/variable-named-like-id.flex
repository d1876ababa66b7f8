# fcus_ starts a customer ID
let fcus_x = customer create email "a@b.co"
