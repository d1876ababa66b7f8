# setup comes before the first scenario
let p = product "Mug" eligible price $9
scenario "one" { print p }
print "after"
