# a snapshot name becomes a file name
let c = {email: "a@b.co"}
expect snapshot "my snapshot/1": c
