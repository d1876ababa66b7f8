# a regex pattern needs a string
let c = {email: "a@b.co"}
expect c matches { email: matches 42 }
