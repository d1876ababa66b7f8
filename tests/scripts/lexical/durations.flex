# Durations print in the largest exact unit.
print 30s
print 45s
print 90m
print 120m
print 3600s
print 2h
print 48h
print 7d
print 36h
expect 1h == 60m
expect 1d == 24h
expect 30s < 1m
# expect: 30s
# expect: 45s
# expect: 90m
# expect: 2h
# expect: 1h
# expect: 2h
# expect: 2d
# expect: 7d
# expect: 36h
