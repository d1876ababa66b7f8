# one eligibility per product
let p = product "Mug" eligible not_eligible price $9
