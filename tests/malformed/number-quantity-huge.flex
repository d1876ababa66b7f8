let p = product "P" eligible price $1
let s = checkout items [p x99999999999999999999] success "https://x.co"
