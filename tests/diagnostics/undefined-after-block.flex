# a let inside a block ends at its }
if true {
    let inner = 1
}
print inner
