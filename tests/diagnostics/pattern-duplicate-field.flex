# each field once in a pattern
let c = {email: "a@b.co"}
expect c matches { email: any string, email: "a@b.co" }
