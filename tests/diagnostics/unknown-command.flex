# the phrase has a typo
let c = customer craete email "a@b.co"
