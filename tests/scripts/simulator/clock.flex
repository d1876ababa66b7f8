# The simulator's clock starts at 2026-01-01T00:00:00Z and moves only when told (or 1 s per change).
let start = clock
print start.now, start.iso
let later = clock advance 2h
print later.now - start.now
let set = clock set "2026-03-01T12:00:00Z"
print set.iso
expect error clock_cannot_go_back: clock set "2026-01-01T00:00:00Z"
print (clock).iso
# expect: 1767225600 2026-01-01T00:00:00Z
# expect: 7200
# expect: 2026-03-01T12:00:00Z
# expect: 2026-03-01T12:00:00Z
