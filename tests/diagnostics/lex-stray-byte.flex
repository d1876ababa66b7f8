# characters that are no part of the language
let total = 2 @ 3
